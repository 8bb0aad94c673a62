package io.supporto.cases.tasks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a task completion sent to Camunda's REST API (and Tasklist's) against
 * {@link TaskInputRules} before the engine sees it, so a missing field is a 400 naming it rather
 * than the engine's 500 for a failing task listener. Anything it cannot judge goes on unchanged.
 */
public class TaskCompletionCheck extends OncePerRequestFilter {

    static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(complete|submit-form)$");

    private final TaskService taskService;
    private final IdentityService identityService;
    private final ObjectMapper json;

    public TaskCompletionCheck(TaskService taskService, IdentityService identityService, ObjectMapper json) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.json = json;
    }

    /** Only authenticated completions: the task is then looked up with the caller's own rights. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).matches()
                || identityService.getCurrentAuthentication() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        HttpServletRequest replay = new ReplayedRequest(request, body);
        Matcher matcher = COMPLETION.matcher(request.getRequestURI());
        Optional<TaskInputRules.Violation> violation = matcher.matches() ? check(matcher.group(1), body) : Optional.empty();
        if (violation.isPresent()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException",
                    "message", "Cannot complete task: " + violation.get().message(),
                    "field", violation.get().field()));
            return;
        }
        chain.doFilter(replay, response);
    }

    private Optional<TaskInputRules.Violation> check(String taskId, byte[] body) {
        try {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return Optional.empty();
            }
            JsonNode variables = body.length == 0 ? json.createObjectNode() : json.readTree(body).path("variables");
            return TaskInputRules.check(task.getTaskDefinitionKey(), name -> {
                JsonNode submitted = variables.path(name);
                if (!submitted.isMissingNode()) {
                    JsonNode value = submitted.path("value");
                    return value.isTextual() ? value.asText() : value.isNull() || value.isMissingNode() ? null : value.toString();
                }
                return taskService.getVariable(taskId, name);
            });
        } catch (IOException | RuntimeException e) {
            // unreadable body or no access to the task: the engine answers that itself
            return Optional.empty();
        }
    }

    /** The request with its body read once here and offered again to the engine's REST layer. */
    static final class ReplayedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
