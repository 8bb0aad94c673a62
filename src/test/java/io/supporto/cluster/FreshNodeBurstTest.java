package io.supporto.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.supporto.security.Groups;
import io.supporto.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 29: a node that starts on an existing database, with nothing new to deploy, takes a burst
 * of case openings the moment its {@code node} health group reports ready, and opens every one.
 * Before the fix one of four such openings failed now and then (the engine's deployment cache
 * handed a half-loaded definition to a second thread, see {@code engine.CompleteDefinitionsPlugin}).
 *
 * <p>On H2 in the ordinary test run; on PostgreSQL in the postgres-tests run (where the cluster
 * profile runs, as compose.yaml runs a node). Each node is a JVM of its own ({@link Node}).
 */
class FreshNodeBurstTest {

    private static final boolean ON_POSTGRES = ClusterScenario.postgresUrl() != null && ClusterScenario.inPostgresSuite();
    private static final int BURST = 24;
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "Kx7#Burst-Root-2026";
    private static final String PASSWORD = "Tq4$Burst-Node-Pass-99";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String org = "burst-" + run;
    private final String customerAdmin = "burst-admin-" + run;
    private final List<Node> nodes = new ArrayList<>();
    private GreenMail smtp;
    private ClusterDatabase postgres;

    @AfterEach
    void stop() throws Exception {
        for (Node node : nodes) {
            if (node.alive()) {
                node.kill();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aNodeStartedOnAnExistingDatabaseOpensEveryCaseOfABurstRightAfterItIsReady() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Path directory = Files.createDirectories(Path.of("target", "cluster-test"));
        List<String> properties = nodeProperties(directory);
        String database = ON_POSTGRES ? "postgres" : "h2";

        Node first = start("burst-" + database + "-first", directory, properties);
        first.awaitReady(STARTUP);
        ApiClient admin = first.as(ADMIN, ADMIN_PASSWORD);
        seed(admin);
        int deployments = admin.get("/engine-rest/deployment").expect(200).json().size();
        first.stop();
        first.awaitExit(Duration.ofSeconds(60));

        Node second = start("burst-" + database + "-second", directory, properties);
        second.awaitReady(STARTUP);
        List<ApiClient.Response> answers = burst(second);

        assertThat(answers).as("answers to %d case openings at once on %s", BURST, second)
                .extracting(ApiClient.Response::status)
                .containsOnly(201);
        ApiClient secondAdmin = second.as(ADMIN, ADMIN_PASSWORD);
        assertThat(secondAdmin.get("/engine-rest/deployment").expect(200).json().size())
                .as("deployments after the second start: it had nothing new to deploy, so it loaded its definitions"
                        + " from the database")
                .isEqualTo(deployments);
        JsonNode definitions = secondAdmin.get("/actuator/health/node").expect(200).json()
                .path("components").path("deployedDefinitions");
        assertThat(definitions.path("status").asText()).isEqualTo("UP");
        assertThat(definitions.path("details").path("processDefinitions").asInt())
                .as("process definitions loaded before the node was ready: %s", definitions)
                .isGreaterThanOrEqualTo(3);
    }

    private Node start(String name, Path directory, List<String> properties) throws Exception {
        Node node = Node.start(name, directory, properties);
        nodes.add(node);
        return node;
    }

    private List<String> nodeProperties(Path directory) throws Exception {
        List<String> properties = new ArrayList<>(List.of(
                "--camunda.bpm.admin-user.id=" + ADMIN,
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--support.links.secret=" + Node.randomLinkSecret(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort()));
        if (ON_POSTGRES) {
            postgres = ClusterDatabase.create(ClusterScenario.postgresUrl(),
                    ClusterScenario.env("SUPPORTO_TEST_POSTGRES_USER", "supporto"),
                    ClusterScenario.env("SUPPORTO_TEST_POSTGRES_PASSWORD", "supporto"), "supporto_burst_" + run.replace('-', '_'));
            properties.add("--spring.profiles.active=prod,cluster");
            properties.addAll(postgres.nodeArguments());
        } else {
            Path file = Files.createDirectories(directory.resolve("burst-h2-" + run)).toAbsolutePath().resolve("supporto");
            properties.add("--spring.datasource.url=jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        return properties;
    }

    private void seed(ApiClient admin) {
        Map<String, Object> organization = ApiClient.organizationBody("Burst test " + run);
        organization.put("plan", "ENTERPRISE");
        admin.put("/api/organizations/" + org, organization).expect(201);
        ClusterScenario.createUser(admin, customerAdmin, "Bruna", "Sarti", Groups.CUSTOMER_ADMINS, PASSWORD);
        admin.put("/engine-rest/tenant/" + org + "/user-members/" + customerAdmin, null).expect(204);
    }

    /** Every opening waits at one gate, so all of them reach the node together. */
    private List<ApiClient.Response> burst(Node node) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            ApiClient client = node.as(customerAdmin, PASSWORD).duringOutage();
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                Map<String, Object> body = i % 2 == 0 ? ApiClient.criticalCaseBody(org) : ApiClient.caseBody(org);
                body.put("title", "Burst case %02d %s".formatted(i + 1, run));
                futures.add(pool.submit(() -> {
                    gate.await();
                    return client.post("/api/cases", body);
                }));
            }
            gate.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
