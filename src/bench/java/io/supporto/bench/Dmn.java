package io.supporto.bench;

import java.time.Instant;

/**
 * Variants of the {@code response-target} decision that the timer scenarios deploy through
 * /engine-rest/deployment/create (as README says targets are changed: new cases use the latest
 * version at once). Same decision id and outputs as bpmn/response-target.dmn, two rules: cases of
 * the organization under test get the scenario's target on the 24x7 calendar, every other case a
 * 10-day target (so background load never breaches during a run).
 */
final class Dmn {

    static final String LONG_TARGET = "PT240H";

    private Dmn() {
    }

    /** Every case of {@code organization} falls due at {@code dueAt}, whenever it was opened (FEEL: dueAt - now()). */
    static String dueAt(String organization, Instant dueAt) {
        return variant(organization, "string(date and time(\"" + dueAt + "\") - now())",
                "Benchmark timer storm: due at " + dueAt);
    }

    /** Every case of {@code organization} falls due {@code target} after engagement. */
    static String target(String organization, String isoDuration) {
        return variant(organization, "\"" + isoDuration + "\"", "Benchmark: " + isoDuration + ", 24x7");
    }

    private static String variant(String organization, String targetExpression, String rule) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="response-target-bench" name="Response target (benchmark variant)"
                             namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="response-target" name="Determine response target" camunda:historyTimeToLive="P400D">
                    <decisionTable id="response-target-bench-table" hitPolicy="FIRST">
                      <input id="input-organization" label="Organization">
                        <inputExpression id="input-expression-organization" typeRef="string">
                          <text>organization</text>
                        </inputExpression>
                      </input>
                      <output id="output-availability" name="availability" typeRef="string" />
                      <output id="output-responseTarget" name="responseTarget" typeRef="string" />
                      <output id="output-internalTarget" name="internalTarget" typeRef="string" />
                      <output id="output-rule" name="rule" typeRef="string" />
                      <rule id="bench-rule-under-test">
                        <inputEntry id="bench-rule-under-test-organization"><text>"%s"</text></inputEntry>
                        <outputEntry id="bench-rule-under-test-availability"><text>"24x7"</text></outputEntry>
                        <outputEntry id="bench-rule-under-test-responseTarget"><text>%s</text></outputEntry>
                        <outputEntry id="bench-rule-under-test-internalTarget"><text>null</text></outputEntry>
                        <outputEntry id="bench-rule-under-test-rule"><text>"%s"</text></outputEntry>
                      </rule>
                      <rule id="bench-rule-background">
                        <inputEntry id="bench-rule-background-organization"><text>-</text></inputEntry>
                        <outputEntry id="bench-rule-background-availability"><text>"24x7"</text></outputEntry>
                        <outputEntry id="bench-rule-background-responseTarget"><text>"%s"</text></outputEntry>
                        <outputEntry id="bench-rule-background-internalTarget"><text>null</text></outputEntry>
                        <outputEntry id="bench-rule-background-rule"><text>"Benchmark background: 10 days, 24x7"</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(organization, xmlEscape(targetExpression), rule, LONG_TARGET);
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
