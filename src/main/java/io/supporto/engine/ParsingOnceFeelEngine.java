package io.supporto.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL integration parses the text of every cell of a decision table again each time
 * the table is evaluated; parsing was most of the cost of the three decisions a new case goes
 * through. This engine parses each distinct text once and evaluates the parsed form, in the same
 * contexts as {@link ScalaFeelEngine}. A text that does not parse goes to Camunda's own code, so
 * errors read exactly as before.
 */
public class ParsingOnceFeelEngine extends ScalaFeelEngine {

    /** Deployed tables hold a few hundred distinct texts; the bound only guards against misuse. */
    static final int MAX_CACHED = 10_000;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    public ParsingOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        if (parsed == null) {
            return super.evaluateSimpleExpression(expression, variables);
        }
        return result(feelEngine.eval(parsed, context(new ContextVariableWrapper(variables))));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        if (parsed == null) {
            return super.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        }
        // the same two layers as ScalaFeelEngine: the name of the input ("?") over the variables
        VariableProvider input = new VariableProvider.StaticVariableProvider(
                new camundajar.impl.scala.collection.immutable.Map.Map1<>("inputVariableName", inputVariable));
        VariableProvider both = new VariableProvider.CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variables)));
        return Boolean.TRUE.equals(result(feelEngine.eval(parsed, context(both))));
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String text,
                                           Function<String, Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression>> parser) {
        ParsedExpression parsed = cache.get(text);
        if (parsed != null) {
            return parsed;
        }
        Either<org.camunda.feel.FeelEngine.Failure, ParsedExpression> outcome = parser.apply(text);
        if (outcome.isLeft()) {
            return null;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        parsed = outcome.toOption().get();
        cache.put(text, parsed);
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static <T> T result(Either<org.camunda.feel.FeelEngine.Failure, Object> outcome) {
        if (outcome.isLeft()) {
            throw LOGGER.evaluationException(outcome.swap().toOption().get().message());
        }
        return (T) outcome.toOption().get();
    }

    private static Context context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }

    int cachedTexts() {
        return expressions.size() + unaryTests.size();
    }

    /** Builds {@link ParsingOnceFeelEngine}s for the DMN engine. */
    public static class Factory extends ScalaFeelEngineFactory {

        public Factory(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders);
        }

        @Override
        public FeelEngine createInstance() {
            return new ParsingOnceFeelEngine(customFunctionProviders);
        }
    }
}
