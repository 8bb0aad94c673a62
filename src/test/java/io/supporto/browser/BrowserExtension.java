package io.supporto.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium per test class, driven by Debian's ChromeDriver.
 * <ul>
 * <li>Without /usr/bin/chromium or /usr/bin/chromedriver the class is skipped (every test reported
 * as skipped, with the reason), unless the environment variable {@code CI} is {@code true}: there a
 * missing browser fails the tests.</li>
 * <li>The driver's path is given to the service, so Selenium Manager is never asked (it would try
 * to download a driver, and there is no network here).</li>
 * <li>Before each test the browser forgets its cookies (the driver is shared by the class's
 * tests; {@link BrowserTestSupport} also clears the app's storage); after each test, passed or
 * failed, the final page is saved as {@code target/screenshots/<Class>-<test>.png}.</li>
 * </ul>
 * Test classes extend {@link BrowserTestSupport}, which registers this extension and receives the
 * driver.
 */
public class BrowserExtension implements ExecutionCondition, BeforeAllCallback, TestInstancePostProcessor,
        BeforeEachCallback, AfterEachCallback {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    /**
     * Selenium 4.31 ships DevTools bindings up to Chrome 135 and warns at every start that Debian's
     * newer Chromium has none. The tests only use ChromeDriver's own CDP endpoint
     * ({@code executeCdpCommand}), which needs no bindings: keep the log quiet. Held here so the
     * loggers (weakly referenced by java.util.logging) keep their level.
     */
    private static final List<Logger> QUIET = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    /**
     * Skips the class (each test reported as skipped, with the reason; the Spring context is not
     * even started) when the browser is missing, unless on CI.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (browserInstalled() || onCi()) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed, or this is CI");
        }
        return ConditionEvaluationResult.disabled(missingBrowser() + "; skipped outside CI (CI=true makes it fail)");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!browserInstalled()) {
            throw new IllegalStateException(missingBrowser() + "; CI=true, so the browser tests may not be skipped");
        }
        context.getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, key -> Browser.start(), Browser.class);
    }

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static String missingBrowser() {
        return "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        if (testInstance instanceof BrowserTestSupport test) {
            test.driver = browser(context).driver;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser(context).forgetCookies();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        browser(context).screenshot(name);
    }

    private static Browser browser(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
    }

    /** The driver and its profile directory; closed by JUnit when the class's tests are done. */
    static final class Browser implements ExtensionContext.Store.CloseableResource {

        final ChromeDriver driver;
        final Path profile;

        private Browser(ChromeDriver driver, Path profile) {
            this.driver = driver;
            this.profile = profile;
        }

        static Browser start() {
            // belt and braces: with the path in the system property too, nothing can reach Selenium Manager
            System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
            QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
            Path profile;
            try {
                profile = Files.createTempDirectory("supporto-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new Browser(driver, profile);
        }

        /** Every cookie of every path (the webapps keep theirs under /camunda), through DevTools. */
        void forgetCookies() {
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        }

        void screenshot(String name) {
            try {
                Files.createDirectories(SCREENSHOTS);
                byte[] png = driver.getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + ".png"), png);
            } catch (IOException | WebDriverException e) {
                System.err.println("No screenshot " + name + ": " + e);
            }
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a leftover temp dir is harmless
                }
            }
        }
    }

    /** Saves the current page under {@code name} (for a test's intermediate steps). */
    static void screenshot(TakesScreenshot driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | WebDriverException e) {
            System.err.println("No screenshot " + name + ": " + e);
        }
    }
}
