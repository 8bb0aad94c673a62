package io.supporto.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The target table of the rules page (section Initial response targets), cell by cell, against
 * bpmn/response-target.dmn on a plain Camunda DMN engine.
 *
 * <p>"null" in the tables below means the output is present in the result with a null value
 * (no commitment / no internal target); the DMN writes the FEEL literal {@code null} for that,
 * because an empty output cell would leave the output out of the result altogether.
 */
class ResponseTargetDecisionTest {

  private static final String RESOURCE = "/bpmn/response-target.dmn";

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = ResponseTargetDecisionTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
      decision = engine.parseDecision("response-target", in);
    }
  }

  /**
   * TECHNICAL cases: 9 plans x elevated support x severity. BUSINESS family = BUSINESS_BASIC,
   * APPS_FOR_BUSINESS, BUSINESS_STANDARD, BUSINESS_PREMIUM; ENTERPRISE family = ENTERPRISE,
   * FRONTLINE, GOVERNMENT, EDUCATION, STANDALONE; elevated support has its own column.
   */
  @ParameterizedTest(name = "TECHNICAL {0} elevated={1} {2} -> {3}, {4}, {5}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      # plan            | elev. | sev | availability   | respT | internalTarget
      BUSINESS_BASIC    | false | A | 24x7           | PT1H  | null
      BUSINESS_BASIC    | false | B | BUSINESS_HOURS | null  | PT8H
      BUSINESS_BASIC    | false | C | BUSINESS_HOURS | null  | PT16H
      BUSINESS_BASIC    | true  | A | 24x7           | PT1H  | null
      BUSINESS_BASIC    | true  | B | 24x7           | PT2H  | null
      BUSINESS_BASIC    | true  | C | 24x7           | PT4H  | null
      APPS_FOR_BUSINESS | false | A | 24x7           | PT1H  | null
      APPS_FOR_BUSINESS | false | B | BUSINESS_HOURS | null  | PT8H
      APPS_FOR_BUSINESS | false | C | BUSINESS_HOURS | null  | PT16H
      APPS_FOR_BUSINESS | true  | A | 24x7           | PT1H  | null
      APPS_FOR_BUSINESS | true  | B | 24x7           | PT2H  | null
      APPS_FOR_BUSINESS | true  | C | 24x7           | PT4H  | null
      BUSINESS_STANDARD | false | A | 24x7           | PT1H  | null
      BUSINESS_STANDARD | false | B | BUSINESS_HOURS | null  | PT8H
      BUSINESS_STANDARD | false | C | BUSINESS_HOURS | null  | PT16H
      BUSINESS_STANDARD | true  | A | 24x7           | PT1H  | null
      BUSINESS_STANDARD | true  | B | 24x7           | PT2H  | null
      BUSINESS_STANDARD | true  | C | 24x7           | PT4H  | null
      BUSINESS_PREMIUM  | false | A | 24x7           | PT1H  | null
      BUSINESS_PREMIUM  | false | B | BUSINESS_HOURS | null  | PT8H
      BUSINESS_PREMIUM  | false | C | BUSINESS_HOURS | null  | PT16H
      BUSINESS_PREMIUM  | true  | A | 24x7           | PT1H  | null
      BUSINESS_PREMIUM  | true  | B | 24x7           | PT2H  | null
      BUSINESS_PREMIUM  | true  | C | 24x7           | PT4H  | null
      ENTERPRISE        | false | A | 24x7           | PT1H  | null
      ENTERPRISE        | false | B | 24x7           | PT24H | null
      ENTERPRISE        | false | C | 24x7           | null  | PT24H
      ENTERPRISE        | true  | A | 24x7           | PT1H  | null
      ENTERPRISE        | true  | B | 24x7           | PT2H  | null
      ENTERPRISE        | true  | C | 24x7           | PT4H  | null
      FRONTLINE         | false | A | 24x7           | PT1H  | null
      FRONTLINE         | false | B | 24x7           | PT24H | null
      FRONTLINE         | false | C | 24x7           | null  | PT24H
      FRONTLINE         | true  | A | 24x7           | PT1H  | null
      FRONTLINE         | true  | B | 24x7           | PT2H  | null
      FRONTLINE         | true  | C | 24x7           | PT4H  | null
      GOVERNMENT        | false | A | 24x7           | PT1H  | null
      GOVERNMENT        | false | B | 24x7           | PT24H | null
      GOVERNMENT        | false | C | 24x7           | null  | PT24H
      GOVERNMENT        | true  | A | 24x7           | PT1H  | null
      GOVERNMENT        | true  | B | 24x7           | PT2H  | null
      GOVERNMENT        | true  | C | 24x7           | PT4H  | null
      EDUCATION         | false | A | 24x7           | PT1H  | null
      EDUCATION         | false | B | 24x7           | PT24H | null
      EDUCATION         | false | C | 24x7           | null  | PT24H
      EDUCATION         | true  | A | 24x7           | PT1H  | null
      EDUCATION         | true  | B | 24x7           | PT2H  | null
      EDUCATION         | true  | C | 24x7           | PT4H  | null
      STANDALONE        | false | A | 24x7           | PT1H  | null
      STANDALONE        | false | B | 24x7           | PT24H | null
      STANDALONE        | false | C | 24x7           | null  | PT24H
      STANDALONE        | true  | A | 24x7           | PT1H  | null
      STANDALONE        | true  | B | 24x7           | PT2H  | null
      STANDALONE        | true  | C | 24x7           | PT4H  | null
      """)
  void technicalTargets(String plan, boolean elevatedSupport, String severity,
      String availability, String responseTarget, String internalTarget) {
    assertThat(evaluate(plan, elevatedSupport, severity, "TECHNICAL"))
        .containsOnlyKeys("availability", "responseTarget", "internalTarget", "rule")
        .hasEntrySatisfying("rule", rule -> assertThat((String) rule).isNotBlank())
        .containsEntry("availability", availability)
        .containsEntry("responseTarget", responseTarget)
        .containsEntry("internalTarget", internalTarget);
  }

  /** Pre-sales and billing: business hours whatever the plan, no commitment, 8 business hours. */
  @ParameterizedTest(name = "{3} {0} elevated={1} {2} -> BUSINESS_HOURS, null, PT8H")
  @CsvSource(delimiter = '|', textBlock = """
      # plan            | elev. | sev | category
      BUSINESS_BASIC    | false | A   | BILLING
      BUSINESS_STANDARD | false | B   | BILLING
      APPS_FOR_BUSINESS | true  | A   | BILLING
      ENTERPRISE        | false | A   | BILLING
      GOVERNMENT        | true  | B   | BILLING
      STANDALONE        | false | C   | BILLING
      BUSINESS_PREMIUM  | false | C   | PRE_SALES
      BUSINESS_BASIC    | true  | B   | PRE_SALES
      ENTERPRISE        | true  | A   | PRE_SALES
      FRONTLINE         | false | B   | PRE_SALES
      EDUCATION         | false | C   | PRE_SALES
      """)
  void billingAndPreSalesTargets(String plan, boolean elevatedSupport, String severity,
      String category) {
    assertThat(evaluate(plan, elevatedSupport, severity, category))
        .containsOnlyKeys("availability", "responseTarget", "internalTarget", "rule")
        .hasEntrySatisfying("rule", rule -> assertThat((String) rule).isNotBlank())
        .containsEntry("availability", "BUSINESS_HOURS")
        .containsEntry("responseTarget", null)
        .containsEntry("internalTarget", "PT8H");
  }

  @Test
  void noCommitmentComesBackAsAPresentNullOutput() {
    DmnDecisionRuleResult entries = evaluate("ENTERPRISE", false, "C", "TECHNICAL");
    assertThat(entries.keySet()).contains("responseTarget");
    assertThat(entries.<String>getEntry("responseTarget")).isNull();
    assertThat(entries.getEntryTyped("responseTarget").getValue()).isNull();
  }

  /**
   * Every engaged case has exactly one due moment, which the timers on "Give first response" are
   * set to: a contractual target or an internal follow-up, never both, never neither.
   */
  @Test
  void everyRuleGivesExactlyOneOfTheTwoTargets() throws Exception {
    DmnModelInstance model;
    try (InputStream in = ResponseTargetDecisionTest.class.getResourceAsStream(RESOURCE)) {
      model = Dmn.readModelFromStream(in);
    }
    DecisionTable table = (DecisionTable) model.getModelElementById("response-target-table");
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    int responseTarget = outputs.indexOf("responseTarget");
    int internalTarget = outputs.indexOf("internalTarget");
    assertThat(responseTarget).as("outputs %s", outputs).isNotNegative();
    assertThat(internalTarget).as("outputs %s", outputs).isNotNegative();
    assertThat(table.getRules()).isNotEmpty().allSatisfy(rule -> {
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      long given = java.util.stream.Stream.of(entries.get(responseTarget), entries.get(internalTarget))
          .map(entry -> entry.getText().getTextContent().strip())
          .filter(text -> !text.isEmpty() && !"null".equals(text))
          .count();
      assertThat(given).as("targets given by rule %s", rule.getId()).isEqualTo(1);
    });
  }

  @Test
  void decisionIsNamedAndShapedForTheModeler() throws Exception {
    assertThat(decision.getKey()).isEqualTo("response-target");
    assertThat(decision.getName()).isEqualTo("Determine response target");
    assertThat(decision.isDecisionTable()).isTrue();
    assertThat(diagramShapesIn(RESOURCE)).containsExactly("response-target");
  }

  private static DmnDecisionRuleResult evaluate(String plan, boolean elevatedSupport,
      String severity, String category) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.createVariables()
        .putValue("plan", plan)
        .putValue("elevatedSupport", elevatedSupport)
        .putValue("severity", severity)
        .putValue("category", category));
    assertThat(result).as("a rule must match").hasSize(1);
    return result.getSingleResult();
  }

  private static List<String> diagramShapesIn(String resource) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document;
    try (InputStream in = ResponseTargetDecisionTest.class.getResourceAsStream(resource)) {
      document = factory.newDocumentBuilder().parse(in);
    }
    NodeList shapes = document.getElementsByTagNameNS(
        "https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < shapes.getLength(); i++) {
      Element shape = (Element) shapes.item(i);
      assertThat(shape.getElementsByTagNameNS("http://www.omg.org/spec/DMN/20180521/DC/", "Bounds")
          .getLength()).as("bounds of shape " + shape.getAttribute("dmnElementRef")).isEqualTo(1);
      refs.add(shape.getAttribute("dmnElementRef"));
    }
    return refs;
  }
}
