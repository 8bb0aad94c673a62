package io.supporto.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP/1.1 with preemptive Basic authentication (one request per call, no 401 challenge round
 * trip), JSON in and out. One client per app run; connections are kept alive and reused.
 */
final class Http implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    record User(String id, String password) {
        String header() {
            return "Basic " + Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    record Resp(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON (" + status + "): " + abbreviate(body), e);
            }
        }

        Resp expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + abbreviate(body));
        }
    }

    final String base;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient client;

    Http(String base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "http-client");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    private HttpRequest.Builder request(User user, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (user != null) {
            b.header("Authorization", user.header());
        }
        return b;
    }

    private static String body(Object json) {
        try {
            return json instanceof String s ? s : JSON.writeValueAsString(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    Resp get(User user, String path) {
        return send(request(user, path).GET().build());
    }

    /** GET of a text resource (/actuator/prometheus refuses Accept: application/json with 406). */
    Resp getText(User user, String path) {
        return send(request(user, path).setHeader("Accept", "text/plain").GET().build());
    }

    Resp post(User user, String path, Object json) {
        return send(postRequest(user, path, json));
    }

    Resp put(User user, String path, Object json) {
        HttpRequest.BodyPublisher p = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body(json));
        return send(request(user, path).header("Content-Type", "application/json").PUT(p).build());
    }

    CompletableFuture<Resp> postAsync(User user, String path, Object json) {
        return client.sendAsync(postRequest(user, path, json), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Resp(r.statusCode(), r.body()));
    }

    private HttpRequest postRequest(User user, String path, Object json) {
        return request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(json))).build();
    }

    /** multipart/form-data as /engine-rest/deployment/create wants it. */
    Resp deploy(User user, String deploymentName, String fileName, String content) {
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, boundary, "deployment-name", null, deploymentName);
        part(out, boundary, "enable-duplicate-filtering", null, "false");
        part(out, boundary, "deployment-source", null, "supporto-bench");
        part(out, boundary, fileName, fileName, content);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = request(user, "/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        return send(r);
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName, String value) {
        StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            h.append("; filename=\"").append(fileName).append('"').append("\r\nContent-Type: application/octet-stream");
        }
        h.append("\r\n\r\n").append(value).append("\r\n");
        out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Resp send(HttpRequest r) {
        try {
            HttpResponse<String> resp = client.send(r, HttpResponse.BodyHandlers.ofString());
            return new Resp(resp.statusCode(), resp.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(r.method() + " " + r.uri().getPath() + ": " + e, e);
        }
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
