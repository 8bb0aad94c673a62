package io.supporto.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The parse-once FEEL engine must decide exactly as Camunda's own: every decision table of
 * bpmn/ is evaluated on both for many input combinations (each value any rule of the table names,
 * plus a missing and an unknown one), twice on ours so the second pass reads the cache.
 */
class ParsingOnceFeelEngineTest {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(\\.\\d+)?(?![\\w.])");

    static Stream<String> decisionTables() {
        return Stream.of("severity", "response-target", "out-of-scope-referral", "self-service-suggestions");
    }

    @ParameterizedTest
    @MethodSource("decisionTables")
    void decidesExactlyAsCamundasOwnEngine(String name) throws Exception {
        DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        ParsingOnceFeelEngine.Factory factory = new ParsingOnceFeelEngine.Factory(List.of());
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(factory);
        DmnEngine ours = configuration.buildEngine();

        String resource = "/bpmn/" + name + ".dmn";
        List<DmnDecision> theirs = parse(camunda, resource);
        List<DmnDecision> mine = parse(ours, resource);
        Map<String, List<Object>> candidates = candidateValues(resource);
        assertThat(candidates).as("inputs of " + name).isNotEmpty();

        Random random = new Random(42);
        int compared = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < 400; i++) {
                Map<String, Object> inputs = new LinkedHashMap<>();
                candidates.forEach((variable, values) -> inputs.put(variable, values.get(random.nextInt(values.size()))));
                for (int d = 0; d < theirs.size(); d++) {
                    assertThat(outcome(ours, mine.get(d), inputs))
                            .as(name + " with " + inputs)
                            .isEqualTo(outcome(camunda, theirs.get(d), inputs));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(800);
    }

    @Test
    void parsesEachTextOnceAndKeepsCamundasErrors() {
        ParsingOnceFeelEngine engine = new ParsingOnceFeelEngine(List.of());
        VariableContext variables = Variables.createVariables().putValue("plan", "E3").putValue("x", 2).asVariableContext();
        for (int i = 0; i < 3; i++) {
            assertThat(engine.evaluateSimpleUnaryTests("\"E3\",\"E5\"", "plan", variables)).isTrue();
            assertThat(engine.evaluateSimpleUnaryTests("not(\"E3\")", "plan", variables)).isFalse();
            assertThat(engine.<Object>evaluateSimpleExpression("x * 3", variables)).isEqualTo(6L);
        }
        assertThat(engine.cachedTexts()).isEqualTo(3);
        // a text that does not parse fails as it does in Camunda, and is not cached
        assertThatThrownBy(() -> engine.evaluateSimpleExpression("x *", variables)).isInstanceOf(FeelException.class);
        // evaluation errors (not parse errors) surface too
        assertThatThrownBy(() -> engine.evaluateSimpleExpression("assert(x, x > 5)", variables))
                .isInstanceOf(FeelException.class);
        assertThat(engine.cachedTexts()).isEqualTo(4);
    }

    private static Object outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> inputs) {
        try {
            return engine.evaluateDecision(decision, Variables.fromMap(inputs)).getResultList().toString();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static List<DmnDecision> parse(DmnEngine engine, String resource) throws Exception {
        try (InputStream in = ParsingOnceFeelEngineTest.class.getResourceAsStream(resource)) {
            return engine.parseDecisions(in);
        }
    }

    /** Per input variable: every literal its rules name, null, and a value no rule names. */
    private static Map<String, List<Object>> candidateValues(String resource) throws Exception {
        Document xml;
        try (InputStream in = ParsingOnceFeelEngineTest.class.getResourceAsStream(resource)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            xml = factory.newDocumentBuilder().parse(in);
        }
        Map<String, List<Object>> candidates = new LinkedHashMap<>();
        NodeList tables = xml.getElementsByTagNameNS("*", "decisionTable");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            NodeList inputs = table.getElementsByTagNameNS("*", "input");
            NodeList rules = table.getElementsByTagNameNS("*", "rule");
            for (int i = 0; i < inputs.getLength(); i++) {
                Element expression = (Element) ((Element) inputs.item(i)).getElementsByTagNameNS("*", "inputExpression").item(0);
                String variable = expression.getTextContent().trim();
                String type = expression.getAttribute("typeRef");
                Set<Object> values = new LinkedHashSet<>();
                values.add(null);
                switch (type) {
                    case "boolean" -> { values.add(true); values.add(false); }
                    case "integer", "long", "double" -> { values.add(0L); values.add(-1L); values.add(100000L); }
                    default -> values.add("SOMETHING-NO-RULE-NAMES");
                }
                for (int r = 0; r < rules.getLength(); r++) {
                    String entry = ((Element) rules.item(r)).getElementsByTagNameNS("*", "inputEntry").item(i).getTextContent();
                    Matcher quoted = QUOTED.matcher(entry);
                    while (quoted.find()) {
                        values.add(quoted.group(1));
                    }
                    if (type.matches("integer|long|double")) {
                        Matcher number = NUMBER.matcher(entry);
                        while (number.find()) {
                            long n = Long.parseLong(number.group().replaceAll("\\..*", ""));
                            values.add(n);
                            values.add(n + 1);
                            values.add(n - 1);
                        }
                    }
                }
                candidates.computeIfAbsent(variable, v -> new ArrayList<>()).addAll(values);
            }
        }
        return candidates;
    }
}
