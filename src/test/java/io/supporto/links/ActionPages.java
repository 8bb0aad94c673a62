package io.supporto.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for the action pages, over real HTTP against the running app: the links from the
 * mails are opened on the app's own port (in tests the links' base URL is not the random port),
 * redirects are not followed.
 */
final class ActionPages {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final int port;
    private final String baseUrl;

    ActionPages(int port, String baseUrl) {
        this.port = port;
        this.baseUrl = baseUrl;
    }

    /** The link as the app serves it: the path after the configured base URL, on the app's port. */
    String local(String link) {
        assertThat(link).startsWith(baseUrl + "/actions/");
        return "http://localhost:" + port + link.substring(baseUrl.length());
    }

    Page get(String link) {
        return send(HttpRequest.newBuilder(URI.create(local(link))).GET(), "GET " + link);
    }

    Page getPath(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), "GET " + path);
    }

    /** POSTs the form, form-urlencoded, as the page's button does. */
    Page post(String link, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(local(link)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "POST " + link + " " + form);
    }

    Page post(String link, String... keyValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.put(keyValues[i], keyValues[i + 1]);
        }
        return post(link, form);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Page send(HttpRequest.Builder request, String call) {
        // a browser set to English: pages about a case must still speak the organization's language
        request.header("Accept-Language", "en-GB,en;q=0.9").timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Page page = new Page(call, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
            assertThat(page.status()).as("%s must never answer a server error: %s", call, page.body())
                    .isLessThan(500);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Page(String call, int status, String contentType, String body) {

        Page expect(int expected) {
            assertThat(status).as("%s answered %s", call, body).isEqualTo(expected);
            assertThat(contentType).as("Content-Type of %s", call).startsWith("text/html");
            return this;
        }

        /** The lang attribute of the root element. */
        String lang() {
            return first("<html[^>]*\\slang=\"([^\"]*)\"");
        }

        List<String> h1s() {
            return all("<h1[^>]*>(.*?)</h1>");
        }

        /** The text of the page without tags, whitespace collapsed. */
        String text() {
            return body.replaceAll("(?s)<style.*?</style>", " ").replaceAll("<[^>]+>", " ")
                    .replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
                    .replaceAll("\\s+", " ").strip();
        }

        /** Every form control (input, textarea, select) except hidden inputs and buttons. */
        List<String> controls() {
            List<String> controls = new ArrayList<>();
            Matcher m = Pattern.compile("<(input|textarea|select)\\b[^>]*>").matcher(body);
            while (m.find()) {
                String tag = m.group();
                if (!tag.matches("(?s).*\\btype=\"(hidden|submit|button)\".*")) {
                    controls.add(tag);
                }
            }
            return controls;
        }

        List<String> labelTargets() {
            return all("<label[^>]*\\sfor=\"([^\"]*)\"");
        }

        List<String> forms() {
            return all("(?s)(<form\\b.*?</form>)");
        }

        static String attribute(String tag, String name) {
            Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
            return m.find() ? m.group(1) : null;
        }

        private String first(String regex) {
            Matcher m = Pattern.compile(regex).matcher(body);
            return m.find() ? m.group(1) : null;
        }

        private List<String> all(String regex) {
            List<String> found = new ArrayList<>();
            Matcher m = Pattern.compile(regex).matcher(body);
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }

        @Override
        public String toString() {
            return call + " → " + status;
        }
    }
}
