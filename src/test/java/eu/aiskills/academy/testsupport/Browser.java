package eu.aiskills.academy.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

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
 * Headless Debian Chromium driven by Debian's chromedriver; both binaries are named
 * explicitly so that Selenium never tries to download a browser. Screenshots go to
 * {@code target/screenshots/<journey>/}, kept as build artefacts.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path userDataDir;
    private final Path screenshots;
    private final Path downloads;
    private int shot;
    private final java.util.List<String> policyViolations = new java.util.ArrayList<>();

    private Browser(WebDriver driver, Path userDataDir, Path screenshots, Path downloads) {
        this.driver = driver;
        this.userDataDir = userDataDir;
        this.screenshots = screenshots;
        this.downloads = downloads;
    }

    public static Browser start(String journey, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run `./academy test`, which installs Debian's chromium and chromium-driver, "
                    + "or apt-get install chromium chromium-driver.");
        }
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            Path profile = Files.createTempDirectory(target, "chromium-");
            Path screenshots = target.resolve("screenshots").resolve(journey);
            Files.createDirectories(screenshots);
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--hide-scrollbars", "--lang=en-GB",
                    "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
            // The console, to find what the Content Security Policy refused (see close()).
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            // Headless Chromium refuses downloads unless told where to put them.
            driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                    "downloadPath", downloads.toString()));
            return new Browser(driver, profile, screenshots, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits up to a minute, ignoring elements Vaadin replaced while looking. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Types {@code text} into the element {@code css} names, once it can be clicked, replacing what it held. */
    public void type(String css, String text) {
        WebElement input = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        input.clear();
        input.sendKeys(text);
    }

    /** Waits until the page shows {@code text}. */
    public void waitForText(String text) {
        waiting().until(d -> d.getPageSource().contains(text));
    }

    /** Types an address and password into the login form on the page and submits it (no waiting for the outcome). */
    public void submitSignIn(String email, String password) {
        type("vaadin-login-form input[name='username']", email);
        type("vaadin-login-form input[name='password']", password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
    }

    /** Signs out through the user menu and waits for the signed-out page. */
    public void signOut() {
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".academy-user-menu vaadin-menu-bar-button"))).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-menu-bar-item[contains(., 'Sign out')]"))).click();
        waiting().until(d -> d.findElements(By.cssSelector(".academy-sign-in")).size() == 1);
    }

    /** Signs in through the login form at {@code baseUrl} and waits for the home page. */
    public void signIn(String baseUrl, String email, String password) {
        driver.get(baseUrl + "/login");
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-login-form input[name='username']")))
                .sendKeys(email);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        waiting().until(d -> d.getPageSource().contains("Welcome back"));
    }

    /** Clicks the first enabled element matching {@code css} whose text is {@code text}, once it is in view. */
    public void click(String css, String text) {
        // Brought into view first: an element scrolled out of the layout's content area counts as hidden.
        waiting().until(d -> {
            WebElement element = d.findElements(By.cssSelector(css)).stream().filter(e -> e.getText().strip().equals(text))
                    .filter(WebElement::isEnabled).findFirst().orElse(null);
            if (element == null) {
                return false;
            }
            scroll(element);
            if (!element.isDisplayed()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    public void scroll(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** The input inside the Vaadin field labelled {@code label} (the web component's label property). */
    public WebElement field(String component, String label) {
        WebElement host = waiting().until(d -> d.findElements(By.cssSelector(component)).stream()
                .filter(e -> label.equals(e.getDomProperty("label"))).findFirst().orElse(null));
        scroll(host);
        return host.findElement(By.cssSelector("input, textarea"));
    }

    /** axe-core, fetched once from the npm registry (checked against its published integrity) and cached. */
    private static String axeSource;
    private static final String AXE_VERSION = "4.11.0";
    private static final String AXE_INTEGRITY =
            "sha512-ilYanEU8vxxBexpJd8cWM4ElSQq4QctCLKih0TSfjIfCQTeyH/6zVrmIJfLPrKTKJRbiG+cfnZbQIjAlJmF1jQ==";

    /**
     * Runs axe-core on the page as it is now against WCAG 2.0/2.1 A and AA, and returns the serious
     * and critical violations, one line each: rule, impact, what it says, and the elements (at most three).
     */
    public java.util.List<String> accessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // A notification fading in or out is half transparent: its contrast is measured once it stands still.
        new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return !document.querySelector('vaadin-notification-card[opening], vaadin-notification-card[closing]');")));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined'"))) {
            js.executeScript(axe());
        }
        @SuppressWarnings("unchecked")
        java.util.List<java.util.Map<String, Object>> violations = (java.util.List<java.util.Map<String, Object>>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => ({"
                        + "id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target) + ' '"
                        + " + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))"
                        + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));");
        return violations.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes")).toList();
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            Path cached = Path.of(System.getProperty("user.home"), ".cache", "academy", "axe-core-" + AXE_VERSION, "axe.min.js");
            try {
                if (!Files.exists(cached)) {
                    byte[] tarball = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build()
                            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    "https://registry.npmjs.org/axe-core/-/axe-core-" + AXE_VERSION + ".tgz")).build(),
                                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
                    String integrity = "sha512-" + java.util.Base64.getEncoder().encodeToString(
                            java.security.MessageDigest.getInstance("SHA-512").digest(tarball));
                    if (!AXE_INTEGRITY.equals(integrity)) {
                        throw new IllegalStateException("axe-core " + AXE_VERSION + " from the npm registry does not match its integrity");
                    }
                    try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                            new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(tarball)))) {
                        for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                            if (entry.getName().equals("package/axe.min.js")) {
                                Files.createDirectories(cached.getParent());
                                Path partial = cached.resolveSibling("axe.min.js.part");
                                Files.copy(tar, partial, StandardCopyOption.REPLACE_EXISTING);
                                Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                            }
                        }
                    }
                }
                axeSource = Files.readString(cached);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core could not be fetched from the npm registry", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return axeSource;
    }

    /** Waits until the browser has finished downloading a file of this name, and returns its content. */
    public byte[] downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        waiting().until(d -> Files.exists(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a numbered screenshot and returns its path. */
    public Path screenshot(String name) {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path destination = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        try {
            Files.copy(file.toPath(), destination, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return destination;
    }

    /**
     * What the page's Content Security Policy refused since the last call, one console line each
     * (Chromium reports every refused script, style, frame or connection there). A test that
     * provokes a refusal takes it with this, so that {@link #close()} does not count it.
     */
    public java.util.List<String> takePolicyViolations() {
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                policyViolations.add(entry.getMessage());
            }
        }
        java.util.List<String> taken = java.util.List.copyOf(policyViolations);
        policyViolations.clear();
        return taken;
    }

    /**
     * Closes the browser, and fails when the Content Security Policy refused anything on the way:
     * every journey thereby checks that the policy leaves the platform's own pages whole.
     */
    @Override
    public void close() {
        java.util.List<String> refused;
        try {
            refused = takePolicyViolations();
        } catch (org.openqa.selenium.WebDriverException e) {
            refused = java.util.List.of();
        }
        driver.quit();
        try (var paths = Files.walk(userDataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // The profile lives under target/, wiped by the next clean build.
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("The Content Security Policy refused " + refused.size() + " thing(s) on the way: " + refused);
        }
    }
}
