package io.contractkit.mock.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.contractkit.mock.MockConfig;
import io.contractkit.mock.support.Browser;
import io.contractkit.mock.support.Fixture;
import io.contractkit.mock.support.RawHttp;
import io.contractkit.mock.support.RunningMock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium, headless): what a frontend developer sees and
 * clicks. One browser for the class; every test opens the page afresh on a reset mock. Left out of
 * mutation runs (tag {@code browser}): the logic behind the page is held by fast HTTP tests ({@code
 * DashboardHttpTest}, {@code ThrottleAdminApiTest}, {@code ChangeFeedTest}).
 */
@Tag("browser")
class DashboardBrowserTest {
  private static final String TOKEN = "browser-test-admin-token";
  private static final String BLOCKED_IP = "203.0.113.7";
  private static final List<String> PANELS =
      List.of("outbox", "leads", "contacts", "throttle", "journal", "controls");

  @RegisterExtension static final RunningMock mock = new RunningMock();

  @RegisterExtension
  static final RunningMock guarded =
      new RunningMock(
          MockConfig.defaults()
              .withPort(0)
              .withThrottle(RunningMock.TEST_THROTTLE)
              .withRequestLog(false)
              .withAdminToken(TOKEN));

  /**
   * How long a wait may last before it fails: generous, because CI shares 2 cores among the build;
   * a wait ends as soon as its condition holds, so a passing run does not pay it.
   */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static Browser browser;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String base(RunningMock on) {
    return "http://127.0.0.1:" + on.port();
  }

  /** Opens a panel of the dashboard and waits until its stream is live. */
  private static void open(RunningMock on, String panel) {
    // From the dashboard, a link to the dashboard with another #panel would not load it again.
    browser.driver().get("about:blank");
    browser.driver().get(base(on) + "/__admin/ui#" + panel);
    waitFor(PATIENCE).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
  }

  private static WebDriverWait waitFor(Duration timeout) {
    return new WebDriverWait(browser.driver(), timeout, Duration.ofMillis(50));
  }

  /** Tables are drawn again on every change: clicks the element there is now. */
  private static void click(By element) {
    waitFor(PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .until(
            driver -> {
              driver.findElement(element).click();
              return true;
            });
  }

  private static void show(String panel) {
    browser.driver().findElement(By.cssSelector("nav a[data-panel='" + panel + "']")).click();
    waitFor(PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-" + panel)));
  }

  private static String sendToken(RunningMock on, String channel) throws IOException {
    RawHttp.Response sent =
        RawHttp.request(
            on.port(),
            "POST",
            "/lms/leads/bytoken/authtoken?accessToken="
                + Fixture.LEAD
                + "&channel="
                + channel
                + "&source=web",
            "");
    assertThat(sent.status()).isEqualTo(202);
    String auth = on == guarded ? "Authorization: Bearer " + TOKEN + "\r\n" : "";
    RawHttp.Response outbox = RawHttp.request(on.port(), "GET", "/__admin/outbox?limit=1", auth);
    Matcher token = Pattern.compile("\"authToken\":\"(\\d{6})\"").matcher(outbox.body());
    assertThat(token.find()).isTrue();
    return token.group(1);
  }

  private static int lookup(String secret, String ip) throws IOException {
    return RawHttp.get(mock.port(), "/api/v1/Contacts?secret=" + secret + "&ip=" + ip).status();
  }

  @Test
  void aSentTokenAppearsInTheOutboxWithinTwoSecondsAndOneClickCopiesIt() throws IOException {
    open(mock, "outbox");
    browser.allowClipboard(base(mock));
    sendToken(mock, "email");

    String token = sendToken(mock, "sms");

    WebElement code =
        waitFor(PATIENCE)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#outbox-list .code[data-token='" + token + "']")));
    assertThat(code.getText()).isEqualTo(token);
    WebElement message =
        browser.driver().findElement(By.cssSelector("#outbox-list li:first-child"));
    assertThat(message.getText()).contains("SMS to ***890", Fixture.LEAD, "15:00 left");
    browser.screenshot("outbox");

    message.findElement(By.cssSelector("button.copy")).click();

    waitFor(PATIENCE)
        .until(ExpectedConditions.textToBe(By.id("toast"), "Copied authToken " + token));
    Object clipboard =
        browser.asyncScript(
            "const done = arguments[0];"
                + "navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
    assertThat(clipboard).isEqualTo(token);
  }

  @Test
  void aBlockedIpShowsInTheThrottlePanelAndUnblockingItLetsTheNextLookupThrough()
      throws IOException {
    for (int i = 0; i < 3; i++) {
      assertThat(lookup("wrong-" + i, BLOCKED_IP)).isEqualTo(404);
    }
    assertThat(lookup(Fixture.SECRET, BLOCKED_IP)).isEqualTo(429);
    open(mock, "throttle");

    waitFor(PATIENCE)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#throttle-table tr[data-ip='" + BLOCKED_IP + "']"),
                "blocked, 5:00 left"));
    browser.screenshot("throttle");

    click(By.cssSelector("#throttle-table tr[data-ip='" + BLOCKED_IP + "'] button"));

    waitFor(PATIENCE)
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#throttle-table tr[data-ip='" + BLOCKED_IP + "']")));
    assertThat(lookup(Fixture.SECRET, BLOCKED_IP)).isEqualTo(200);
  }

  @Test
  void aLookupInThePageShowsTheAnswerAsTheApiGivesIt() {
    open(mock, "contacts");
    browser.driver().findElement(By.id("lookup-secret")).sendKeys(Fixture.SECRET);
    browser.driver().findElement(By.id("lookup-ip")).sendKeys("198.51.100.23");

    browser.driver().findElement(By.cssSelector("#lookup-form button")).click();

    WebElement status =
        waitFor(PATIENCE)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("lookup-status")));
    assertThat(status.getText()).isEqualTo("HTTP 200");
    assertThat(browser.driver().findElement(By.id("lookup-answer")).getText())
        .contains("\"Secret\": \"" + Fixture.SECRET + "\"");
    browser.screenshot("contacts");
  }

  @Test
  void resetInThePageEmptiesTheOutboxAndTheJournal() throws IOException {
    sendToken(mock, "email");
    lookup("wrong-secret", "192.0.2.1");
    open(mock, "journal");
    waitFor(PATIENCE)
        .until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#journal-table tbody tr"), 2));
    click(By.cssSelector("#journal-table tbody tr button"));
    assertThat(browser.driver().findElement(By.id("curl-line")).getText())
        .isEqualTo("curl -i '" + base(mock) + "/api/v1/Contacts?secret=wrong-secret&ip=192.0.2.1'");
    browser.screenshot("journal");

    show("controls");
    browser.driver().findElement(By.id("reset")).click();
    waitFor(PATIENCE)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("reset-result"), "initial"));

    show("journal");
    waitFor(PATIENCE)
        .until(
            ExpectedConditions.numberOfElementsToBe(By.cssSelector("#journal-table tbody tr"), 0));
    show("outbox");
    waitFor(PATIENCE)
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#outbox-list li"), 0));
    assertThat(browser.driver().findElement(By.id("outbox-empty")).isDisplayed()).isTrue();
  }

  @Test
  void aFaultAddedInThePageFiresOnTheNextApiCall() throws IOException {
    open(mock, "controls");
    new Select(browser.driver().findElement(By.id("fault-route"))).selectByValue("contacts");
    WebElement times = browser.driver().findElement(By.id("fault-times"));
    times.sendKeys("1");

    browser.driver().findElement(By.cssSelector("#fault-form button")).click();

    waitFor(PATIENCE)
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#fault-list li"), 1));
    browser.screenshot("controls");
    assertThat(lookup(Fixture.SECRET, "198.51.100.23")).isEqualTo(503);
    assertThat(lookup(Fixture.SECRET, "198.51.100.23")).isEqualTo(200);
    waitFor(PATIENCE)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#fault-list li"), "fired 1"));
  }

  @Test
  void withAnAdminTokenThePageAsksForItAndAsksAgainAfterAWrongOne() throws IOException {
    browser.driver().get("about:blank");
    browser.driver().get(base(guarded) + "/__admin/ui#outbox");
    WebElement dialog =
        waitFor(PATIENCE)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("token-dialog")));
    assertThat(browser.seriousAccessibilityViolations()).as("the token prompt").isEmpty();

    browser.driver().findElement(By.id("token-input")).sendKeys("not-the-token\n");

    waitFor(PATIENCE)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-error"), "did not"));
    assertThat(dialog.isDisplayed()).isTrue();

    browser.driver().findElement(By.id("token-input")).sendKeys(TOKEN + "\n");

    waitFor(PATIENCE).until(ExpectedConditions.invisibilityOf(dialog));
    waitFor(PATIENCE).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
    String token = sendToken(guarded, "email");
    waitFor(PATIENCE)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#outbox-list .code[data-token='" + token + "']")));
    assertThat(browser.script("return sessionStorage.getItem('contract-kit.adminToken')"))
        .isEqualTo(TOKEN);
  }

  @Test
  void everyPanelHasNoSeriousAccessibilityViolationInLightAndDarkAtBothWidths() throws IOException {
    sendToken(mock, "sms");
    lookup("wrong-secret", BLOCKED_IP);
    try {
      for (int width : new int[] {1280, 390}) {
        browser.viewport(width, 800);
        for (String scheme : List.of("light", "dark")) {
          browser.colorScheme(scheme);
          open(mock, "outbox");
          for (String panel : PANELS) {
            show(panel);
            String at = panel + " at " + width + " px, " + scheme;
            assertThat(browser.seriousAccessibilityViolations()).as(at).isEmpty();
            if (width == 390 && scheme.equals("light")) {
              browser.screenshot(panel + "-390");
            } else if (width == 1280 && scheme.equals("dark")) {
              browser.screenshot(panel + "-dark");
            }
          }
        }
      }
    } finally {
      browser.viewport(1280, 800);
      browser.colorScheme("light");
    }
  }

  @Test
  void theApiDocsTryTheDocumentedApiAgainstThisMock() {
    browser.driver().get("about:blank");
    // The deep link opens the operation itself; on a slow machine the page may still be rendering
    // when the operation appears, so the wait opens it (again) until its "Try it out" is there.
    browser.driver().get(base(mock) + "/__admin/docs#/contacts/getContactBySecret");
    String at = "#operations-contacts-getContactBySecret ";
    WebElement tryOut =
        waitFor(PATIENCE)
            .ignoring(StaleElementReferenceException.class)
            .until(
                driver -> {
                  List<WebElement> buttons =
                      driver.findElements(By.cssSelector(at + ".try-out__btn"));
                  if (!buttons.isEmpty() && buttons.get(0).isDisplayed()) {
                    return buttons.get(0);
                  }
                  List<WebElement> summary =
                      driver.findElements(By.cssSelector(at + ".opblock-summary-control"));
                  if (!summary.isEmpty()
                      && "false".equals(summary.get(0).getAttribute("aria-expanded"))) {
                    summary.get(0).click();
                  }
                  return null;
                });
    tryOut.click();
    WebElement secret =
        waitFor(PATIENCE)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector(at + "tr[data-param-name='secret'] input")));
    secret.clear();
    secret.sendKeys(Fixture.SECRET);

    browser.driver().findElement(By.cssSelector(at + ".execute")).click();

    WebElement status =
        waitFor(PATIENCE)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(at + ".live-responses-table tbody .response-col_status")));
    browser.screenshot("docs");
    assertThat(status.getText()).startsWith("200");
  }
}
