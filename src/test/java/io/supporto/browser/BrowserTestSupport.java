package io.supporto.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the whole app on a random port ({@link SupportoTest}), one headless
 * Chromium per class ({@link BrowserExtension}), and the steps the tests share: addresses, explicit
 * waits, the Camunda webapps' login form.
 */
@ExtendWith(BrowserExtension.class)
@SupportoTest
abstract class BrowserTestSupport {

    /** Long enough for a cold webapp (Angular, its plugins, the first REST calls) on a slow CI box. */
    static final Duration WAIT = Duration.ofSeconds(20);

    /** Set by {@link BrowserExtension}: the class's browser. */
    ChromeDriver driver;

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;

    /**
     * Records every XMLHttpRequest the page makes from now on (method, url, body, status) in
     * {@code window.__supportoRequests}: the Camunda webapps talk to their REST API through XHR, so a
     * test can see the 403 behind an error message. Lives as long as the document (hash navigation
     * inside a webapp keeps it; a reload drops it).
     */
    private static final String RECORD_REQUESTS = """
            if (!window.__supportoRequests) {
              window.__supportoRequests = [];
              const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.open = function (method, url) {
                this.__supporto = { method: String(method).toUpperCase(), url: String(url) };
                return open.apply(this, arguments);
              };
              XMLHttpRequest.prototype.send = function (body) {
                const xhr = this;
                xhr.__supporto.body = typeof body === 'string' ? body : null;
                xhr.addEventListener('loadend', () => {
                  xhr.__supporto.status = xhr.status;
                  window.__supportoRequests.push(xhr.__supporto);
                });
                return send.apply(this, arguments);
              };
            }""";

    @BeforeEach
    void realTime() {
        // the app's "now" is Camunda's clock; a scenario test sharing this context may have moved it
        ClockUtil.reset();
    }

    @BeforeEach
    void forgetTheAppsStorage() {
        // the webapps remember the last filter, column widths and the like in local storage
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin(),
                "storageTypes", "local_storage,session_storage,indexeddb,cache_storage,service_workers"));
    }

    /**
     * Lets the page finish its calls before the extension takes the final screenshot and the next
     * test leaves the page. A test that failed may have left it busy: wait briefly, then go on.
     */
    @AfterEach
    void settle() {
        try {
            waiting(Duration.ofSeconds(5)).until(d -> camundaIdle());
        } catch (WebDriverException e) {
            // the screenshot shows whatever the page is doing
        }
    }

    String origin() {
        return "http://localhost:" + port;
    }

    String url(String path) {
        return origin() + path;
    }

    WebDriverWait waiting() {
        return waiting(WAIT);
    }

    WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return waiting().until(condition);
    }

    WebElement visible(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return until(ExpectedConditions.elementToBeClickable(by));
    }

    /** The page's visible text. */
    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until the page's visible text contains {@code text}; returns the whole text. */
    String untilPageShows(String text) {
        until(d -> pageText().contains(text));
        return pageText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A step's screenshot beside the final one the extension takes. */
    void screenshot(String step) {
        BrowserExtension.screenshot(driver, getClass().getSimpleName() + "-" + step);
    }

    /**
     * Signs into a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}) through its own
     * login form (Angular: the inputs are bound with ng-model) and waits until the form is gone.
     */
    void camundaLogin(String app, String user) {
        camundaLogin(app, user, Fixtures.PASSWORD);
    }

    void camundaLogin(String app, String user, String password) {
        driver.get(url("/camunda/app/" + app + "/default/"));
        By usernameField = By.cssSelector("input[ng-model='username']");
        By passwordField = By.cssSelector("input[ng-model='password']");
        visible(usernameField);
        // the login view can be rendered twice while the webapp starts (route, then the check of an
        // existing session): type only into the final form, and check what it holds before sending
        untilCamundaIdle();
        until(d -> typed(d.findElement(usernameField), user) & typed(d.findElement(passwordField), password));
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    }

    /** Types {@code text} into the field unless it already holds it; whether it now holds it. */
    static boolean typed(WebElement field, String text) {
        if (!text.equals(field.getDomProperty("value"))) {
            field.clear();
            field.sendKeys(text);
        }
        return text.equals(field.getDomProperty("value"));
    }

    /** Waits until the webapp's login form has disappeared and the first page has loaded. */
    void untilSignedIn() {
        until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        untilCamundaIdle();
    }

    /**
     * Waits until the Camunda webapp (AngularJS) has no REST call in flight. Leaving a page with
     * calls in flight makes the server log a "Broken pipe" for each; and a page whose calls are done
     * shows what it is going to show.
     */
    void untilCamundaIdle() {
        until(d -> camundaIdle());
    }

    private boolean camundaIdle() {
        return Boolean.TRUE.equals(script("""
                if (!window.angular) { return document.readyState === 'complete'; }
                const injector = angular.element(document).injector()
                    || angular.element(document.querySelector('[ng-app]') || document.body).injector();
                if (!injector) { return document.readyState === 'complete'; }
                return injector.get('$http').pendingRequests.length === 0;"""));
    }

    void recordRequests() {
        script(RECORD_REQUESTS);
    }

    /** Waits for the first recorded request with this method whose URL contains {@code urlPart}. */
    Map<String, Object> untilRequest(String method, String urlPart) {
        return untilRequest(method, urlPart, "");
    }

    /** The same, of a request whose body also contains {@code bodyPart}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> untilRequest(String method, String urlPart, String bodyPart) {
        return until(d -> ((List<Map<String, Object>>) script("return window.__supportoRequests || []")).stream()
                .filter(r -> method.equals(r.get("method")) && String.valueOf(r.get("url")).contains(urlPart)
                        && String.valueOf(r.get("body")).contains(bodyPart))
                .findFirst().orElse(null));
    }
}
