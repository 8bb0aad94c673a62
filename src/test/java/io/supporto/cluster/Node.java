package io.supporto.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.supporto.SupportoApplication;
import io.supporto.testsupport.ApiClient;

/**
 * One Supporto node: a JVM of its own running {@link SupportoApplication} from the test's
 * classpath (the jar is not built yet in the test phase) minus the test classes, so no test
 * configuration leaks into it. Its output goes to {@code target/cluster-test/<name>.log}.
 */
final class Node {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private Node(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static Node start(String name, Path directory, List<String> properties) throws IOException {
        return start(name, directory, List.of(), properties);
    }

    /** With JVM options (system properties) beside the usual ones. */
    static Node start(String name, Path directory, List<String> jvmOptions, List<String> properties)
            throws IOException {
        int port = freePort();
        Path workDir = Files.createDirectories(directory.resolve(name));
        Path log = directory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // two nodes, the test and maybe a build beside them on a small machine
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", nodeClasspath(), SupportoApplication.class.getName(), "--server.port=" + port));
        command.addAll(properties);
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // never outlive the test JVM, whatever ends it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new Node(name, port, process, log);
    }

    /** The surefire classpath without the test classes (their @TestConfiguration would be component-scanned). */
    private static String nodeClasspath() {
        String testClasses;
        try {
            testClasses = Path.of(ClusterTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().toString().equals(testClasses))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A link-signing secret as an operator makes one: the base64 of 32 random bytes. */
    static String randomLinkSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until the {@code node} health group, what a load balancer asks (Dockerfile, compose.yaml),
     * answers UP; fails early when the process dies.
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        String path = "/actuator/health/node";
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting:\n"
                        + tail(60));
            }
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not UP at " + path + " within " + timeout + " (last answer: " + last + "):\n" + tail(60));
    }

    ApiClient as(String user, String password) {
        return ApiClient.as(port, user, password);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Like a crashed machine: no shutdown hook, no graceful stop of the job executor. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still running 30 s after being killed");
        }
    }

    /** As a deployment or a rolling restart stops it: SIGTERM, so the app shuts down in order. */
    void stop() {
        process.destroy();
    }

    void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running " + timeout + " after being stopped:\n" + tail(60));
        }
    }

    /** How many lines of the node's log so far contain the text. */
    long logLinesWith(String text) {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(text)).count() : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log)";
            }
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", log " + log + ")";
    }
}
