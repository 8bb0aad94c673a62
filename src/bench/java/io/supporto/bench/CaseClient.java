package io.supporto.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The calls a scenario makes, as the README documents them: a customer admin opens a case through
 * the Case API; the support engineer answers and resolves it through /engine-rest (what Tasklist
 * does); the customer admin answers the survey.
 */
final class CaseClient {

    /** The customer side of a case: who opens it, for which organization. */
    record Customer(Http.User user, String organization, String name, String email) {
    }

    static final String[] STEPS = {"open", "findFirstResponse", "completeFirstResponse", "findWorkCase",
            "completeWorkCase", "survey"};

    private final App app;
    private final Http http;
    final Customer contoso;
    final Customer fabrikam;

    CaseClient(App app) {
        this.app = app;
        this.http = app.http;
        this.contoso = new Customer(app.anna, "contoso", "Anna Rossi", "anna@contoso.example");
        this.fabrikam = new Customer(app.ben, "fabrikam", "Ben Miller", "ben@fabrikam.example");
    }

    /** A severity A technical case (README's example): straight to engagement, response clock running. */
    static Map<String, Object> openBody(Customer c, long i) {
        Map<String, Object> impact = new LinkedHashMap<>();
        impact.put("serviceUsable", false);
        impact.put("scope", "ORGANIZATION");
        impact.put("businessImpact", "CRITICAL");
        impact.put("workaroundAvailable", false);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", c.name());
        contact.put("email", c.email());
        contact.put("phone", "+39 02 0000");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", c.organization());
        body.put("category", "TECHNICAL");
        body.put("service", "EXCHANGE_ONLINE");
        body.put("title", "Mail not delivered #" + i);
        body.put("description", "Benchmark case " + i + ": since 9:00 no one receives external mail.");
        body.put("impact", impact);
        body.put("requestedSeverity", null);
        body.put("selfServiceTried", false);
        body.put("contact", contact);
        return body;
    }

    CompletableFuture<OpenLoop.Outcome> openAsync(Customer c, long i) {
        return http.postAsync(c.user(), "/api/cases", openBody(c, i))
                .thenApply(r -> r.status() == 201 ? OpenLoop.Outcome.OK : OpenLoop.Outcome.failed("HTTP " + r.status()));
    }

    /** Opens a case and returns its view (caseNumber, openedAt, firstResponseDueAt, …). */
    JsonNode open(Customer c, long i) {
        return http.post(c.user(), "/api/cases", openBody(c, i)).expect(201).json();
    }

    /**
     * One whole lifecycle: open, first response, resolve, survey. {@code step} is told each step's
     * name and duration in nanoseconds as it ends. Throws on the first failed step.
     */
    String lifecycle(Customer c, long i, boolean claim, BiConsumer<String, Long> step) {
        long t = System.nanoTime();
        String n = open(c, i).path("caseNumber").asText();
        t = mark(step, "open", t);
        String firstResponse = task(n, "firstResponse");
        t = mark(step, "findFirstResponse", t);
        if (claim) {
            http.post(app.erin, "/engine-rest/task/" + firstResponse + "/claim", Map.of("userId", "erin")).expect(204);
        }
        complete(firstResponse, Map.of("responseMessage", typed("We are looking into it (" + n + ").")));
        t = mark(step, "completeFirstResponse", t);
        String workCase = task(n, "workCase");
        t = mark(step, "findWorkCase", t);
        if (claim) {
            http.post(app.erin, "/engine-rest/task/" + workCase + "/claim", Map.of("userId", "erin")).expect(204);
        }
        complete(workCase, Map.of("action", typed("RESOLVE"), "resolution", typed("Connector fixed.")));
        t = mark(step, "completeWorkCase", t);
        JsonNode view = http.post(c.user(), "/api/cases/" + n + "/survey", Map.of("rating", 5, "comment", "Quick."))
                .expect(200).json();
        if (!"ANSWERED".equals(view.path("survey").path("status").asText())) {
            throw new IllegalStateException(n + ": survey not answered: " + view.path("survey"));
        }
        mark(step, "survey", t);
        return n;
    }

    private static long mark(BiConsumer<String, Long> step, String name, long since) {
        long now = System.nanoTime();
        if (step != null) {
            step.accept(name, now - since);
        }
        return System.nanoTime();
    }

    private static Map<String, Object> typed(String value) {
        return Map.of("value", value, "type", "String");
    }

    /** The open task of the case with this definition key, as the engineer sees it in /engine-rest. */
    String task(String caseNumber, String key) {
        JsonNode tasks = http.get(app.erin, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=" + key).expect(200).json();
        if (tasks.size() != 1) {
            throw new IllegalStateException(caseNumber + ": expected one " + key + " task, found " + tasks.size());
        }
        return tasks.get(0).path("id").asText();
    }

    private void complete(String taskId, Map<String, Object> variables) {
        http.post(app.erin, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables)).expect(204);
    }

    /** The SLA timeline of a case (as its customer admin sees it). */
    List<JsonNode> timeline(Customer c, String caseNumber) {
        JsonNode events = http.get(c.user(), "/api/cases/" + caseNumber + "/timeline").expect(200).json();
        List<JsonNode> out = new java.util.ArrayList<>();
        events.forEach(out::add);
        return out;
    }

    /** When the breach was recorded on the SLA timeline, and when the case was due. */
    record Breach(Instant at, Instant due) {
        long latenessMillis() {
            return at.toEpochMilli() - due.toEpochMilli();
        }
    }

    /** The case's breach, or null while its timeline has none. */
    Breach breach(Customer c, String caseNumber) {
        for (JsonNode e : timeline(c, caseNumber)) {
            if ("BREACHED".equals(e.path("kind").asText())) {
                return new Breach(Instant.parse(e.path("at").asText()),
                        Instant.parse(e.path("firstResponseDueAt").asText()));
            }
        }
        return null;
    }

    /** Deploys a response-target variant as the admin; returns the deployment id. */
    String deployResponseTarget(String name, String dmnXml) {
        JsonNode d = http.deploy(app.admin, name, "response-target.dmn", dmnXml).expect(200).json();
        return d.path("id").asText();
    }
}
