package io.contractkit.mock.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven by Debian's chromedriver through Selenium WebDriver: never a
 * download (the driver and the browser are given, so Selenium Manager is not asked). One per test
 * class: starting a browser costs about a second. {@code CHROMIUM} and {@code CHROMEDRIVER} name
 * other binaries; a missing one fails the test with what to install, it never skips it.
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = binary("CHROMIUM", "/usr/bin/chromium");
  private static final Path CHROMEDRIVER = binary("CHROMEDRIVER", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  private static Path binary(String variable, String fallback) {
    String given = System.getenv(variable);
    return Path.of(given == null || given.isBlank() ? fallback : given);
  }

  /** A fresh headless browser, 1280 × 800, with an empty profile of its own. */
  public static Browser start() {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new AssertionError(
            binary
                + " is missing: the dashboard's browser tests need Debian's chromium and"
                + " chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does"
                + " it), or CHROMIUM and CHROMEDRIVER naming other binaries");
      }
    }
    // Selenium logs through java.util.logging; a green build stays quiet.
    Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    try {
      Path profile = Files.createTempDirectory("dashboard-browser-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--disable-default-apps",
          "--no-first-run",
          "--no-default-browser-check",
          "--password-store=basic",
          "--window-size=1280,800",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .withLogOutput(OutputStream.nullOutputStream())
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public Object asyncScript(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** Lets pages of {@code origin} read and write the clipboard (a test reads what was copied). */
  public void allowClipboard(String origin) {
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            origin,
            "permissions",
            List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
  }

  /** The viewport's size in CSS pixels (the window is made to fit). */
  public void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** {@code light} or {@code dark}, as the page's {@code prefers-color-scheme} sees it. */
  public void colorScheme(String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** A PNG of the viewport into {@code target/} (Surefire runs in the module's folder). */
  public Path screenshot(String name) {
    try {
      Path file = Path.of("target", "dashboard-screenshots", name + ".png");
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The violations axe-core finds on the page (the whole document as it is now) of impact serious
   * or critical, as "rule: help (selectors)" lines. axe-core's script is read from the classpath
   * and injected into the page only here, in the test.
   */
  @SuppressWarnings("unchecked")
  public List<String> seriousAccessibilityViolations() {
    script(axeSource());
    Object result =
        asyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' '))"
                + ".join(', ') + ')')))"
                + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new AssertionError("axe.min.js is missing from the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
