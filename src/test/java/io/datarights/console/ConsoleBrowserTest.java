package io.datarights.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's headless Chromium driven through its chromedriver.
 * A privacy officer signs in, searches by name and e-mail, erases the subject after confirming,
 * watches the requests finish live, and downloads an export. Screenshots of every step land in
 * {@code target/browser-screenshots/}. Without Chromium the test is skipped, except in CI.
 */
class ConsoleBrowserTest extends IntegrationTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private WebDriver browser;
  private WebDriverWait wait;
  private Path downloads;
  private Path profile;
  private String testName;
  private int shot;

  @BeforeEach
  void startBrowser(TestInfo info) throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && System.getenv("CI") != null) {
      throw new IllegalStateException("CI needs Debian's chromium and chromium-driver: .ci/run installs them");
    }
    Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
    testName = info.getTestMethod().orElseThrow().getName();
    downloads = Files.createTempDirectory("console-downloads");
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The flags keep Chromium off the network it cannot reach here: no sync, updates or lookups.
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1366,900");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      screenshot("last");
      browser.quit();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void screenshot(String step) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(file.toPath(), SCREENSHOTS.resolve("%s-%02d-%s.png".formatted(testName, ++shot, step)), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String post(Api api, String path, Object body) {
    Api.Response r = api.post(path, body);
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
    return r.json().get("id").asText();
  }

  private void signIn(Tenant tenant) {
    browser.get(url("/console"));
    wait.until(ExpectedConditions.urlContains("/console/sign-in"));
    browser.findElement(By.id("clientId")).sendKeys(tenant.clientId());
    browser.findElement(By.id("clientSecret")).sendKeys(tenant.clientSecret());
    screenshot("sign-in");
    browser.findElement(By.cssSelector("button[type=submit].primary")).click();
    wait.until(ExpectedConditions.urlContains("/console/dashboard"));
  }

  private void search(String name, String email) {
    browser.findElement(By.linkText("Subjects")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subject-search")));
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("search-button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results-heading")));
  }

  /** Waits, without reloading the page, until htmx has shown every filed request as finished. */
  private List<WebElement> awaitAllFinishedLive() {
    String before = browser.getCurrentUrl();
    wait.until(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("#filed-rows tr"));
      return !rows.isEmpty() && rows.stream().allMatch(r -> List.of("COMPLETED", "ERROR").contains(r.getAttribute("data-status")));
    });
    assertThat(browser.getCurrentUrl()).isEqualTo(before);
    return browser.findElements(By.cssSelector("#filed-rows tr"));
  }

  @Test
  void aPrivacyOfficerFindsTheSubjectErasesThemAfterConfirmingAndDownloadsAnExport() throws IOException {
    Tenant tenant = newTenant("acme");
    Api api = tenant.api();
    String jurgen = post(api, "/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "j.mueller@example.com"));
    String twin = post(api, "/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jurgen", "lastName", "Muller", "cellPhone", Map.of("display", "+49 171 2345678")));
    api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", twin, "targetContactId", jurgen));
    String namesake = post(api, "/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "other.juergen@example.org"));

    signIn(tenant);
    screenshot("dashboard");
    search("Jürgen Müller", "j.mueller@example.com");
    screenshot("search-results");

    List<WebElement> people = browser.findElements(By.cssSelector("article.person"));
    assertThat(people).hasSize(2);
    assertThat(people.get(0).getAttribute("class")).contains("strong");
    assertThat(people.get(1).getAttribute("class")).contains("weak");
    assertThat(people.get(1).findElement(By.cssSelector("input[name=subject]")).isSelected()).isFalse();

    browser.findElement(By.id("type-delete")).click();
    browser.findElement(By.id("file-button")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Confirm erasure"));
    screenshot("confirm-erasure");
    assertThat(count("gdpr_requests")).as("nothing filed before the confirmation").isZero();

    // The browser itself refuses to send the form until the confirmation box is ticked.
    browser.findElement(By.id("confirm-button")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm erasure");
    assertThat(count("gdpr_requests")).isZero();
    browser.findElement(By.id("confirmed")).click();
    browser.findElement(By.id("confirm-button")).click();
    wait.until(ExpectedConditions.urlContains("/console/requests/filed"));
    screenshot("filed");

    List<WebElement> finished = awaitAllFinishedLive();
    screenshot("erasure-completed");
    assertThat(finished).allSatisfy(r -> assertThat(r.getAttribute("data-status")).isEqualTo("COMPLETED"));
    finished.get(0).findElement(By.tagName("a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification")));
    assertThat(browser.findElement(By.id("verification")).getText()).startsWith("Verified");
    screenshot("erasure-verified");
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + jurgen).status()).isEqualTo(404);
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + twin).status()).isEqualTo(404);
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + namesake).status()).isEqualTo(200);

    // The namesake asks for their own data: an export, followed live and downloaded.
    search("Jürgen Müller", "other.juergen@example.org");
    assertThat(browser.findElements(By.cssSelector("article.person"))).hasSize(1);
    browser.findElement(By.id("type-export")).click();
    browser.findElement(By.id("caseName")).sendKeys("Access request 2026-42");
    browser.findElement(By.id("file-button")).click();
    wait.until(ExpectedConditions.urlContains("/console/requests/filed"));
    awaitAllFinishedLive().get(0).findElement(By.tagName("a")).click();
    WebElement download = wait.until(ExpectedConditions.elementToBeClickable(By.id("download-export")));
    screenshot("export-ready");
    download.click();

    Path zip = awaitDownloadedZip();
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      String everything = archive.stream().map(e -> e.getName()).reduce("", (a, b) -> a + "\n" + b);
      assertThat(everything).contains("manifest.json");
      String contacts = new String(archive.getInputStream(
          archive.stream().filter(e -> e.getName().contains("externalContacts") && e.getName().endsWith(".json")).findFirst().orElseThrow())
          .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(contacts).contains("other.juergen@example.org").doesNotContain("j.mueller@example.com");
    }

    browser.findElement(By.linkText("Dashboard")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-filed")));
    assertThat(browser.findElements(By.cssSelector("#chart-filed svg rect.bar.delete"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#chart-filed svg rect.bar.export"))).isNotEmpty();
    // (the test clock stands still, so every request here took no time: the speed chart is tested in ConsoleRequestsTest)
    assertThat(browser.findElement(By.id("count-completed")).getText()).isNotEqualTo("0");
    screenshot("dashboard-with-requests");
  }

  private Path awaitDownloadedZip() {
    return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
      try (var files = Files.list(downloads)) {
        return files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElse(null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void theConsoleIsUsableFromTheKeyboardAlone() {
    Tenant tenant = newTenant("acme");
    browser.get(url("/console/sign-in"));
    // Sign in by typing and pressing Enter: the id field has the focus when the page opens.
    browser.switchTo().activeElement().sendKeys(tenant.clientId(), Keys.TAB, tenant.clientSecret(), Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/console/dashboard"));

    // The first Tab stop is the skip link, and it leads to the page's main content.
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement first = browser.switchTo().activeElement();
    assertThat(first.getText()).isEqualTo("Skip to content");
    assertThat(first.getAttribute("href")).endsWith("#main");
    screenshot("skip-link");

    // Every form control on the subjects page has a label that names it.
    browser.get(url("/console/subjects"));
    for (WebElement input : browser.findElements(By.cssSelector("#subject-search input, #subject-search select"))) {
      String id = input.getAttribute("id");
      assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label for " + id).hasSize(1);
    }
    assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Subjects");
  }
}
