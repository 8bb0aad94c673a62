package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The deployed support-case model and the Java code agree on every name: the process key, the
 * messages the service correlates, the user tasks and timers it looks for ({@link SupportCaseModel}),
 * the beans the model calls, and the variables its expressions read ({@link CaseVariables}).
 * A rename on one side fails here instead of at the first case that reaches the renamed step.
 */
@SupportoTest
class SupportCaseModelTest {

    /** What the engine itself gives every expression, and what steps set for the very next one. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "decisionResult", "authenticatedUserId",
            "newTargetWithoutTimer");
    private static final Set<String> EL_WORDS = Set.of("null", "true", "false", "empty", "not", "and", "or", "eq", "ne",
            "lt", "gt", "le", "ge", "div", "mod", "instanceof");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("(?<![.\\w'])([A-Za-z_]\\w*)(?!\\s*')");

    @Autowired ProcessEngine engine;
    @Autowired ApplicationContext context;

    BpmnModelInstance model;
    String definitionId;

    @BeforeEach
    void deployedModel() {
        definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(SupportCaseModel.PROCESS_KEY).latestVersion().singleResult().getId();
        model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
    }

    @Test
    void everyMessageTheServiceCorrelatesIsInTheModel() {
        Set<String> messages = model.getModelElementsByType(Message.class).stream().map(Message::getName)
                .collect(Collectors.toSet());
        assertThat(messages).containsAll(constants("MESSAGE_"));
    }

    @Test
    void everyTaskKeyAndTimerTheCodeNamesIsInTheModel() {
        Set<String> userTasks = ids(model.getModelElementsByType(UserTask.class));
        assertThat(userTasks).as("user tasks of the model").containsAll(constants("TASK_"));
        Set<String> boundaryTimers = model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> "firstResponse".equals(event.getAttachedTo().getId()))
                .map(BoundaryEvent::getId).collect(Collectors.toSet());
        assertThat(boundaryTimers).as("boundary events of 'Give first response'").containsAll(constants("TIMER_"));
    }

    @Test
    void everyBeanTheModelCallsExists() {
        Set<String> missing = new TreeSet<>();
        for (String name : namesInExpressions()) {
            if (!isVariable(name) && !ENGINE_NAMES.contains(name) && !context.containsBean(name)) {
                missing.add(name);
            }
        }
        assertThat(missing).as("names in the model's expressions that are neither a bean nor a CaseVariables"
                + " variable").isEmpty();
    }

    @Test
    void theNamesAreReadFromEveryKindOfExpression() {
        assertThat(namesInExpressions())
                .as("variables in timer dates, conditions and candidate groups")
                .contains(CaseVariables.FIRST_RESPONSE_DUE_AT, CaseVariables.INTERNAL_FOLLOW_UP_AT,
                        CaseVariables.RESPONSE_WARNING_AT, CaseVariables.TEAM_GROUP)
                .as("beans in delegate expressions, listeners and retry cycles")
                .contains("sendNotification", "recordSlaTimer", "processTimers", "moveResponseTimers", "prepareTask");
    }

    /** Every name an expression of the deployed XML starts with: attributes and texts alike. */
    private Set<String> namesInExpressions() {
        org.w3c.dom.Document xml;
        try (var in = engine.getRepositoryService().getProcessModel(definitionId)) {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            xml = factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Set<String> names = new HashSet<>();
        org.w3c.dom.NodeList all = xml.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element element = (org.w3c.dom.Element) all.item(i);
            StringBuilder texts = new StringBuilder();
            for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                    texts.append(child.getNodeValue());
                }
            }
            for (int a = 0; a < element.getAttributes().getLength(); a++) {
                texts.append(' ').append(element.getAttributes().item(a).getNodeValue());
            }
            Matcher expression = EXPRESSION.matcher(texts);
            while (expression.find()) {
                Matcher name = NAME.matcher(expression.group(1));
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        names.removeAll(EL_WORDS);
        return names;
    }

    private static boolean isVariable(String name) {
        return constants(CaseVariables.class, "").contains(name);
    }

    private static Set<String> constants(String prefix) {
        return constants(SupportCaseModel.class, prefix);
    }

    private static Set<String> constants(Class<?> holder, String prefix) {
        return Arrays.stream(holder.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                        && f.getName().startsWith(prefix))
                .map(SupportCaseModelTest::value)
                .collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> ids(Collection<? extends ModelElementInstance> elements) {
        return elements.stream().map(e -> e.getAttributeValue("id")).collect(Collectors.toSet());
    }
}
