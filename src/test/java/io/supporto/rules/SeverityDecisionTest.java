package io.supporto.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The triage table bpmn/severity.dmn, evaluated on a plain Camunda DMN engine. */
class SeverityDecisionTest {

  private static final String RESOURCE = "/bpmn/severity.dmn";

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = SeverityDecisionTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
      decision = engine.parseDecision("severity", in);
    }
  }

  /** The examples of the rules page, section Severity. */
  @ParameterizedTest(name = "{0} -> {5}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # example                                              | serviceUsable | scope          | businessImpact | workaround | severity
      mail flow broken for many users                        | false         | MULTIPLE_USERS | CRITICAL       | false      | A
      a SharePoint site down                                 | false         | ORGANIZATION   | CRITICAL       | false      | A
      nobody can use Teams                                   | false         | ORGANIZATION   | CRITICAL       | false      | A
      Outlook's Send button missing                          | true          | SINGLE_USER    | MODERATE       | false      | B
      setting fails in Exchange admin center, ok in PowerShell | true        | ORGANIZATION   | MODERATE       | true       | B
      how to make a password never expire                    | true          | SINGLE_USER    | MINIMAL        | true       | C
      a user can't delete a contact                          | true          | SINGLE_USER    | MINIMAL        | true       | C
      one user locked out of the service entirely            | false         | SINGLE_USER    | MODERATE       | false      | B
      """)
  void rulesPageExamples(String example, boolean serviceUsable, String scope, String businessImpact,
      boolean workaroundAvailable, String expected) {
    assertThat(severity("TECHNICAL", serviceUsable, scope, businessImpact, workaroundAvailable))
        .as(example)
        .isEqualTo(expected);
  }

  /** One case per rule and per ordering question of the table (first hit wins). */
  @ParameterizedTest(name = "{0} -> {5}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # why                                                   | serviceUsable | scope          | businessImpact | workaround | severity
      unusable for many, even with minimal impact             | false         | ORGANIZATION   | MINIMAL        | true       | A
      unusable for several users, moderate impact             | false         | MULTIPLE_USERS | MODERATE       | true       | A
      critical for many, usable with a workaround             | true          | MULTIPLE_USERS | CRITICAL       | true       | A
      critical for the organization, usable                   | true          | ORGANIZATION   | CRITICAL       | false      | A
      critical but one user only, service down                | false         | SINGLE_USER    | CRITICAL       | false      | B
      critical but one user only, usable                      | true          | SINGLE_USER    | CRITICAL       | false      | B
      minimal impact for several users                        | true          | MULTIPLE_USERS | MINIMAL        | false      | C
      minimal impact, one user locked out                     | false         | SINGLE_USER    | MINIMAL        | false      | C
      one user, usable, acceptable workaround                 | true          | SINGLE_USER    | MODERATE       | true       | C
      one user, usable, workaround, critical                  | true          | SINGLE_USER    | CRITICAL       | true       | C
      one user, unusable, workaround                          | false         | SINGLE_USER    | MODERATE       | true       | B
      several users, usable, workaround, moderate             | true          | MULTIPLE_USERS | MODERATE       | true       | B
      organization, usable, no workaround, moderate           | true          | ORGANIZATION   | MODERATE       | false      | B
      """)
  void eachRuleInItsOrder(String why, boolean serviceUsable, String scope, String businessImpact,
      boolean workaroundAvailable, String expected) {
    assertThat(severity("TECHNICAL", serviceUsable, scope, businessImpact, workaroundAvailable))
        .as(why)
        .isEqualTo(expected);
  }

  /** Billing problems are triaged on their impact, exactly like technical ones. */
  @ParameterizedTest(name = "BILLING {0}, {1}, {2}, workaround {3} -> {4}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # serviceUsable | scope          | businessImpact | workaround | severity
      false           | ORGANIZATION   | CRITICAL       | false      | A
      true            | MULTIPLE_USERS | CRITICAL       | true       | A
      true            | SINGLE_USER    | MODERATE       | false      | B
      false           | SINGLE_USER    | MODERATE       | false      | B
      true            | ORGANIZATION   | MODERATE       | true       | B
      true            | SINGLE_USER    | MINIMAL        | true       | C
      true            | SINGLE_USER    | MODERATE       | true       | C
      """)
  void billingExamples(boolean serviceUsable, String scope, String businessImpact,
      boolean workaroundAvailable, String expected) {
    assertThat(severity("BILLING", serviceUsable, scope, businessImpact, workaroundAvailable))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}, {1}, {2}, workaround {3}")
  @MethodSource("allImpacts")
  void billingBehavesLikeTechnicalForEveryImpact(boolean serviceUsable, String scope,
      String businessImpact, boolean workaroundAvailable) {
    String technical = severity("TECHNICAL", serviceUsable, scope, businessImpact, workaroundAvailable);
    assertThat(technical).isIn("A", "B", "C");
    assertThat(severity("BILLING", serviceUsable, scope, businessImpact, workaroundAvailable))
        .isEqualTo(technical);
  }

  @ParameterizedTest(name = "{0}, {1}, {2}, workaround {3}")
  @MethodSource("allImpacts")
  void preSalesIsAlwaysC(boolean serviceUsable, String scope, String businessImpact,
      boolean workaroundAvailable) {
    assertThat(severity("PRE_SALES", serviceUsable, scope, businessImpact, workaroundAvailable))
        .isEqualTo("C");
  }

  @Test
  void preSalesWithoutImpactFieldsIsC() {
    VariableMap variables = Variables.createVariables()
        .putValue("category", "PRE_SALES")
        .putValue("serviceUsable", null)
        .putValue("scope", null)
        .putValue("businessImpact", null)
        .putValue("workaroundAvailable", null);
    assertThat(engine.evaluateDecisionTable(decision, variables).<String>getSingleEntry()).isEqualTo("C");
  }

  @Test
  void decisionIsNamedAndShapedForTheModeler() throws Exception {
    assertThat(decision.getKey()).isEqualTo("severity");
    assertThat(decision.getName()).isEqualTo("Assess severity");
    assertThat(decision.isDecisionTable()).isTrue();
    assertThat(diagramShapesIn(RESOURCE)).containsExactly("severity");
  }

  static Stream<Arguments> allImpacts() {
    List<Arguments> all = new ArrayList<>();
    for (boolean serviceUsable : new boolean[] {true, false}) {
      for (String scope : new String[] {"SINGLE_USER", "MULTIPLE_USERS", "ORGANIZATION"}) {
        for (String impact : new String[] {"CRITICAL", "MODERATE", "MINIMAL"}) {
          for (boolean workaround : new boolean[] {true, false}) {
            all.add(Arguments.of(serviceUsable, scope, impact, workaround));
          }
        }
      }
    }
    return all.stream();
  }

  private static String severity(String category, boolean serviceUsable, String scope,
      String businessImpact, boolean workaroundAvailable) {
    VariableMap variables = Variables.createVariables()
        .putValue("category", category)
        .putValue("serviceUsable", serviceUsable)
        .putValue("scope", scope)
        .putValue("businessImpact", businessImpact)
        .putValue("workaroundAvailable", workaroundAvailable);
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
    assertThat(result).as("a rule must match").hasSize(1);
    return result.getSingleEntry();
  }

  /** dmnElementRef of every DMNShape in the file (Camunda Modeler needs one per decision). */
  static List<String> diagramShapesIn(String resource) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document;
    try (InputStream in = SeverityDecisionTest.class.getResourceAsStream(resource)) {
      document = factory.newDocumentBuilder().parse(in);
    }
    NodeList shapes = document.getElementsByTagNameNS(
        "https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < shapes.getLength(); i++) {
      org.w3c.dom.Element shape = (org.w3c.dom.Element) shapes.item(i);
      assertThat(shape.getElementsByTagNameNS("http://www.omg.org/spec/DMN/20180521/DC/", "Bounds")
          .getLength()).as("bounds of shape " + shape.getAttribute("dmnElementRef")).isEqualTo(1);
      refs.add(shape.getAttribute("dmnElementRef"));
    }
    return refs;
  }
}
