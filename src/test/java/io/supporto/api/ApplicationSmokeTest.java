package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.Test;

/** The application answers on /camunda (webapps) and /api, with authentication where it belongs. */
@SupportoTest
class ApplicationSmokeTest extends ApiTestSupport {

    @Test
    void webappsAndApiAnswer() {
        for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
            var page = anonymous().get("/camunda/app/" + app + "/default/").expect(200);
            assertThat(page.contentType()).startsWith("text/html");
        }
        anonymous().get("/api/cases").expectProblem(401);
        anonymous().get("/engine-rest/task").expect(401);
        assertThat(anonymous().get("/dashboard").status()).isEqualTo(302);
    }
}
