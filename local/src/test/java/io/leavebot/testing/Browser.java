package io.leavebot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for page tests: Debian's {@code chromium}, driven through its {@code chromedriver} (paths
 * overridable with {@code -Dbrowser.chromium} and {@code -Dbrowser.chromedriver}), with a fresh profile. One
 * browser per test class; after each test a screenshot of the final state goes to {@code target/screenshots/}
 * (named after the test, and {@code FAILED-…} when it failed). Without Chromium the tests fail, saying how to
 * install it: a page test that skips itself would hide that the pages were never tried.
 * Register with {@code @RegisterExtension static}.
 */
public final class Browser implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them with `apt-get install chromium chromium-driver` (as .ci/run does), or point "
                    + "-Dbrowser.chromium and -Dbrowser.chromedriver at a Chromium and its chromedriver.");
        }
        profile = Files.createTempDirectory("leavebot-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1440,900", "--lang=en-GB");
        // the driver's path is given, so Selenium Manager never looks for (or downloads) one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            screenshot((context.getExecutionException().isPresent() ? "FAILED-" : "")
                    + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits up to 15 seconds for {@code condition} to give something other than null or false. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        // the page draws its panels again as things happen: an element found a moment ago may be gone, so look again
        return new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("the screenshot could not be saved", e);
        }
    }
}
