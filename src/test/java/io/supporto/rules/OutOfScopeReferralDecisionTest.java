package io.supporto.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Where an out-of-scope request is referred: bpmn/out-of-scope-referral.dmn. */
class OutOfScopeReferralDecisionTest {

  private static final String RESOURCE = "/bpmn/out-of-scope-referral.dmn";
  private static final String[] REASONS = {
      "CUSTOMER_NETWORK", "THIRD_PARTY", "SCRIPTING", "NON_MICROSOFT_365"};

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws Exception {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = OutOfScopeReferralDecisionTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
      decision = engine.parseDecision("out-of-scope-referral", in);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CUSTOMER_NETWORK", "THIRD_PARTY", "SCRIPTING", "NON_MICROSOFT_365"})
  void eachReasonHasAReferralAndAnHttpsUrl(String reason) {
    DmnDecisionRuleResult entries = refer(reason);
    assertThat(entries).containsOnlyKeys("referral", "referralUrl");
    assertThat(entries.<String>getEntry("referral")).isNotBlank();
    String url = entries.getEntry("referralUrl");
    assertThat(url).startsWith("https://");
    URI uri = URI.create(url);
    assertThat(uri.getScheme()).isEqualTo("https");
    assertThat(uri.getHost()).endsWith("microsoft.com");
  }

  /** What the rules page (section Out of scope) says each referral must tell the admin. */
  @ParameterizedTest(name = "{0} mentions \"{1}\"")
  @CsvSource(delimiter = '|', textBlock = """
      CUSTOMER_NETWORK  | network team
      CUSTOMER_NETWORK  | Microsoft networking team
      THIRD_PARTY       | Community
      THIRD_PARTY       | add-in
      SCRIPTING         | not supported
      SCRIPTING         | VBA
      NON_MICROSOFT_365 | vendor
      """)
  void referralSaysWhereToGo(String reason, String phrase) {
    assertThat(refer(reason).<String>getEntry("referral")).containsIgnoringCase(phrase);
  }

  @Test
  void everyReasonHasItsOwnReferral() {
    Set<String> referrals = new HashSet<>();
    for (String reason : REASONS) {
      referrals.add(refer(reason).getEntry("referral"));
    }
    assertThat(referrals).hasSize(REASONS.length);
  }

  @Test
  void unknownReasonMatchesNothing() {
    assertThat(engine.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("outOfScopeReason", "SOMETHING_ELSE"))).isEmpty();
  }

  @Test
  void decisionIsNamedAndShapedForTheModeler() throws Exception {
    assertThat(decision.getKey()).isEqualTo("out-of-scope-referral");
    assertThat(decision.getName()).isEqualTo("Find where to refer");
    assertThat(decision.isDecisionTable()).isTrue();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document document;
    try (InputStream in = getClass().getResourceAsStream(RESOURCE)) {
      document = factory.newDocumentBuilder().parse(in);
    }
    NodeList shapes = document.getElementsByTagNameNS(
        "https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
    assertThat(shapes.getLength()).isEqualTo(1);
    Element shape = (Element) shapes.item(0);
    assertThat(shape.getAttribute("dmnElementRef")).isEqualTo("out-of-scope-referral");
    assertThat(shape.getElementsByTagNameNS("http://www.omg.org/spec/DMN/20180521/DC/", "Bounds")
        .getLength()).isEqualTo(1);
  }

  private static DmnDecisionRuleResult refer(String reason) {
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("outOfScopeReason", reason));
    assertThat(result).as("exactly one rule for " + reason).hasSize(1);
    return result.getSingleResult();
  }
}
