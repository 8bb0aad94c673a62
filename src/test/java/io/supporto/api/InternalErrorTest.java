package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.RecordingNotifier;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A bug is a 500 with an error id that the log line with the stack trace carries too; the body
 * says nothing of the internals and does not claim that nothing was changed.
 */
@SupportoTest
@ExtendWith(OutputCaptureExtension.class)
class InternalErrorTest extends ApiTestSupport {

    private static final String SECRET_DETAIL = "template engine exploded at line 42";

    @Autowired RecordingNotifier notifier;

    @Test
    void aFailureInsideACaseStepIsA500WithAnErrorIdThatIsInTheLog(CapturedOutput output) {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);
        int before = countCases(admin, org);

        // the case's first notification fails inside the engine's transaction of the opening
        notifier.failNextSend(new IllegalStateException(SECRET_DETAIL));
        ApiClient.Response response = client(admin).expectingInternalError()
                .post("/api/cases", ApiClient.criticalCaseBody(org.id()));

        JsonNode problem = response.expectProblem(500);
        String errorId = problem.path("errorId").asText();
        assertThat(errorId).matches("[a-z2-9]{10}");
        assertThat(problem.path("title").asText()).isEqualTo("Internal error");
        assertThat(problem.path("detail").asText()).contains(errorId).doesNotContain("nothing was changed");
        assertThat(response.body()).doesNotContain(SECRET_DETAIL, "IllegalStateException", "at io.supporto");
        assertThat(response.header("Retry-After")).as("a bug is not a reason to retry").isEmpty();

        String logLine = output.getAll().lines().filter(line -> line.contains(errorId)).findFirst().orElse("");
        assertThat(logLine).as("the log line with the error id").contains("ERROR", "POST", "/api/cases");
        String afterLine = output.getAll().substring(output.getAll().indexOf(logLine));
        assertThat(afterLine).as("the stack trace after the error id's line")
                .contains("java.lang.IllegalStateException: " + SECRET_DETAIL);

        assertThat(countCases(admin, org)).as("the opening's transaction was rolled back").isEqualTo(before);
        client(admin).post("/api/cases", ApiClient.criticalCaseBody(org.id())).expect(201);
    }
}
