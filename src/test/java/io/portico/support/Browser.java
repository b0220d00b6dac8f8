package io.portico.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the browser tests: Debian's {@code chromium} driven through its
 * {@code chromedriver}, both at fixed paths (no driver download at run time), with a phone-sized
 * window. Outside CI a missing browser skips the test with a message; with {@code CI=true} it fails.
 * {@link #screenshot} writes {@code docs/img/<name>.png} for the docs; {@link #accessibilityProblems}
 * runs axe-core (the pinned npm package, installed into {@code target/axe-core}) on the page.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String AXE_CORE = "axe-core@4.11.0";
    private static final Path AXE_DIR = Path.of("target/axe-core");
    private static final Path AXE_SCRIPT = AXE_DIR.resolve("node_modules/axe-core/axe.min.js");
    private static final Path IMAGES = Path.of("docs/img");

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Starts Chromium, or skips (outside CI) / fails (in CI) the calling test when it is not installed. */
    public static Browser start() {
        return start(true);
    }

    /** Chromium with JavaScript switched off, as some captive mini-browsers and careful guests run. */
    public static Browser startWithoutJavaScript() {
        return start(false);
    }

    private static Browser start(boolean javaScript) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            unavailable("Chromium (" + CHROMIUM + ") or its driver (" + CHROMEDRIVER + ") is not installed; "
                    + "apt-get install chromium chromium-driver to run the browser tests.");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=412,900", "--no-first-run", "--disable-extensions", "--lang=en-US");
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        try {
            return new Browser(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            unavailable("Chromium did not start: " + e.getMessage());
            throw e;
        }
    }

    private static void unavailable(String problem) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI: the browser tests must run, but " + problem);
        }
        System.err.println("Browser test skipped: " + problem);
        Assumptions.abort("Browser test skipped: " + problem);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(URI url) {
        driver.get(url.toString());
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** The visible text of the page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /**
     * Clicks an element. Chromium sometimes answers a click that starts a navigation (a form's
     * submit button) with "Node with given id does not belong to the document", and it is not
     * always clear whether the click landed. So the page is marked first: if the mark is gone
     * within a few seconds, the click replaced the page; if it is still there, the click did not
     * land and is made once more on the element found afresh.
     */
    public void click(By by) {
        String mark = "m" + System.nanoTime();
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.JavascriptException.class)
                .until(d -> {
                    WebElement found = d.findElement(by);
                    ((JavascriptExecutor) d).executeScript(
                            "arguments[0].ownerDocument.defaultView.__porticoMark = arguments[1]", found, mark);
                    return found;
                });
        try {
            element.click();
        } catch (org.openqa.selenium.WebDriverException e) {
            if (!detached(e)) {
                throw e;
            }
            if (!pageReplacedSince(mark)) {
                driver.findElement(by).click();
            }
        }
    }

    private boolean pageReplacedSince(String mark) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(3)).ignoring(org.openqa.selenium.JavascriptException.class)
                    .until(d -> !mark.equals(((JavascriptExecutor) d).executeScript("return window.__porticoMark")));
            return true;
        } catch (org.openqa.selenium.TimeoutException stillThere) {
            return false;
        }
    }

    private static boolean detached(org.openqa.selenium.WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /**
     * Clicks something that loads a new page (a link, a form's submit button) and waits (at most
     * 15 s) until the new page has replaced the old one, so the next look-up reads the new page.
     */
    public void clickAndWaitForPage(By by) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        click(by);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(d, oldPage));
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public void type(By by, String text) {
        WebElement field = driver.findElement(by);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Whether the element's page was replaced. Chromium, swapping the renderer on a cross-origin
     * navigation, can answer "does not belong to the document" instead of a stale element.
     */
    private static boolean gone(WebDriver driver, WebElement element) {
        return unlessDetached(() -> Boolean.TRUE.equals(ExpectedConditions.stalenessOf(element).apply(driver)), true);
    }

    /** Waits (at most 15 s) until the page shows {@code text}; a body read while the page is replaced (stale or detached) is read again. */
    public void waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> unlessDetached(() -> text().contains(text), false));
    }

    /** The check's answer, or {@code whenDetached} when it read a page that was being replaced ({@link #detached}). */
    private static boolean unlessDetached(java.util.function.BooleanSupplier check, boolean whenDetached) {
        try {
            return check.getAsBoolean();
        } catch (org.openqa.selenium.WebDriverException e) {
            if (detached(e)) {
                return whenDetached;
            }
            throw e;
        }
    }

    public String userAgent() {
        return (String) driver.executeScript("return navigator.userAgent");
    }

    /** Saves the page as docs/img/{name}.png (the docs show these) and returns the path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(IMAGES);
            Path target = IMAGES.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The serious and critical axe-core violations of the current page, as "rule: help (n nodes)".
     * Skips (outside CI) when axe-core cannot be installed from npm.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityProblems() {
        // axe is loaded and run in one script, so a page that reloads itself (the payment waiting
        // page's Refresh header) cannot lose axe between the two; a reload during the run is retried.
        String script = axeScript() + "\n;(function (done) {"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations.map("
                + "v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length})))), e => done('error: ' + e));"
                + "})(arguments[arguments.length - 1]);";
        Object result = null;
        for (int attempt = 1; result == null; attempt++) {
            try {
                result = ((JavascriptExecutor) driver).executeAsyncScript(script);
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("unloaded")) {
                    throw e;
                }
                new WebDriverWait(driver, Duration.ofSeconds(15))
                        .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            }
        }
        String json = String.valueOf(result);
        if (json.startsWith("error: ")) {
            throw new IllegalStateException("axe-core failed: " + json);
        }
        List<String> problems = new ArrayList<>();
        for (Object v : Http.json().readValue(json, List.class)) {
            Map<String, Object> violation = (Map<String, Object>) v;
            String impact = String.valueOf(violation.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                problems.add(violation.get("id") + " (" + impact + "): " + violation.get("help") + " (" + violation.get("nodes") + " nodes)");
            }
        }
        return problems;
    }

    private static synchronized String axeScript() {
        try {
            if (!Files.isRegularFile(AXE_SCRIPT)) {
                String problem;
                try {
                    Files.createDirectories(AXE_DIR);
                    Process install = new ProcessBuilder("npm", "install", "--prefix", AXE_DIR.toString(), "--no-audit",
                            "--no-fund", "--no-save", AXE_CORE).redirectErrorStream(true).start();
                    String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    boolean done = install.waitFor(5, TimeUnit.MINUTES);
                    problem = done && install.exitValue() == 0 ? null : "npm install " + AXE_CORE + " failed:\n" + log;
                } catch (IOException noNpm) {
                    problem = "npm is not installed (" + noNpm.getMessage() + ")";
                }
                if (problem != null || !Files.isRegularFile(AXE_SCRIPT)) {
                    unavailable(problem == null ? "axe-core is missing after npm install" : problem);
                }
            }
            return Files.readString(AXE_SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
