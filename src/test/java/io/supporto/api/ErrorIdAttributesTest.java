package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** A failure that reaches Spring Boot's error page (outside the controllers) gets an error id too. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorIdAttributesTest {

    @Test
    void aServerErrorOnTheErrorPageCarriesAnErrorIdThatIsInTheLog(CapturedOutput output) {
        Map<String, Object> attributes = attributes(500, new IllegalStateException("a filter broke"));

        String errorId = String.valueOf(attributes.get("errorId"));
        assertThat(errorId).matches("[a-z2-9]{10}");
        assertThat(output.getAll()).contains("Error " + errorId + ": /portal/somewhere failed")
                .contains("java.lang.IllegalStateException: a filter broke");
        assertThat(attributes.toString()).doesNotContain("a filter broke");
    }

    @Test
    void clientErrorsGetNone() {
        assertThat(attributes(404, null)).doesNotContainKey("errorId");
    }

    private static Map<String, Object> attributes(int status, Exception error) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/portal/somewhere");
        if (error != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
        }
        return new ErrorIdAttributes().getErrorAttributes(new ServletWebRequest(request), ErrorAttributeOptions.defaults());
    }
}
