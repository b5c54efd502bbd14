package se.region.governance.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import se.region.governance.commons.testing.LocalInfra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public pages (issue 17, ADR 10) in a real browser: the whole set started as the other e2e tests start it,
 * the seed content loaded through the gateway (deploy/local/seed/load), then Debian's headless Chromium through
 * its chromedriver reads the pages as a resident would: the start page, a search, a document, the § 183 plan with
 * its four measures, its final report and PDF, by keyboard only, with an axe-core scan of each page (no
 * serious or critical violation). The browser is installed by {@code deploy/local/infra ensure}; without it
 * the test fails and says so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicPagesBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String PLAN_TITLE = "Tillitsbaserad styrning och ledning på alla nivåer";
    static final String SEED_DOCUMENT = "Styrmodell för Region Jämtland Härjedalen";

    private static final Path ROOT = LocalInfra.root();
    private static ServiceSet set;
    private static WebDriver browser;
    private static String gateway;
    private static String reportPath;

    @BeforeAll
    static void startTheSetLoadTheSeedAndOpenABrowser() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are needed (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): run deploy/local/infra ensure, which installs them");
        set = ServiceSet.start();
        gateway = set.gateway();
        loadSeed();
        browser = chromium();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (set != null) {
            set.close();
        }
    }

    /** The seed, through the e2e gateway, with the token seed/load mints (the development key the set trusts). */
    private static void loadSeed() throws Exception {
        Path log = ROOT.resolve("e2e-tests/target/e2e-logs/seed.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder load = new ProcessBuilder(ROOT.resolve("deploy/local/seed/load").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        load.environment().put("GATEWAY", gateway);
        Process process = load.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the seed did not load within 10 minutes; see " + log);
        }
        assertEquals(0, process.exitValue(), "the seed failed to load:\n" + Files.readString(log));
    }

    /** Headless Chromium through the installed driver: nothing is downloaded (no Selenium Manager). */
    private static WebDriver chromium() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,2400", "--lang=sv-SE");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static void open(String path) {
        browser.get(gateway + path);
    }

    private static String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** axe-core's scan of the page in the browser: no serious or critical violation (all are listed if any). */
    private static void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(browser);
        assertFalse(results.isErrored(), page + ": axe-core failed: " + results.getErrorMessage());
        List<Rule> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        assertTrue(bad.isEmpty(), page + " has serious or critical accessibility violations:\n" + bad.stream()
                .map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + " at " + r.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
    }

    @Test
    @Order(1)
    void theStartPageLeadsToTheThreeParts() {
        open("/public/");
        assertEquals("sv", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertFalse(h1().isBlank());
        WebElement menu = browser.findElement(By.cssSelector("nav[aria-label='Huvudmeny']"));
        for (String link : List.of("Styrdokument", "Handlingsplaner", "Rapporter")) {
            assertTrue(menu.findElement(By.linkText(link)).isDisplayed(), link);
        }
        assertAccessible("/public/");
    }

    @Test
    @Order(2)
    void aSearchFindsASeedDocumentAndItsPageShowsIt() {
        open("/public/documents");
        assertAccessible("/public/documents");
        browser.findElement(By.id("q")).sendKeys("styrmodell");
        browser.findElement(By.xpath("//form[@role='search']//button[normalize-space()='Sök']")).click();
        assertTrue(browser.getCurrentUrl().contains("q=styrmodell"), browser.getCurrentUrl());
        assertEquals("styrmodell", browser.findElement(By.id("q")).getAttribute("value"), "the words stay in the form");
        WebElement hit = browser.findElement(By.cssSelector("ol.results")).findElement(By.linkText(SEED_DOCUMENT));
        assertAccessible("the search for styrmodell");
        hit.click();
        assertEquals(SEED_DOCUMENT, h1());
        String facts = browser.findElement(By.cssSelector("dl")).getText();
        assertTrue(facts.contains("Diarienummer") && facts.contains("RS342/2022"), facts);
        assertTrue(facts.contains("Typ") && facts.contains("styrmodell"), "the type in Swedish: " + facts);
        assertAccessible("the document " + SEED_DOCUMENT);
    }

    @Test
    @Order(3)
    void thePlanShowsItsFourMeasuresWithTheirProgress() throws Exception {
        open("/public/plans");
        assertAccessible("/public/plans");
        browser.findElement(By.linkText(PLAN_TITLE)).click();
        assertEquals(PLAN_TITLE, h1());
        assertTrue(browser.getPageSource().contains("§ 183"));
        WebElement chart = browser.findElement(By.cssSelector("svg[role='img']"));
        assertFalse(chart.findElement(By.tagName("title")).getAttribute("textContent").isBlank());
        for (String code : List.of("1", "2", "3", "4")) {
            WebElement measure = browser.findElements(By.cssSelector("article.measure")).stream()
                    .filter(m -> m.findElement(By.tagName("h3")).getText().startsWith(code + " "))
                    .findFirst().orElseThrow(() -> new AssertionError("no measure " + code));
            WebElement progress = measure.findElement(By.tagName("progress"));
            String value = progress.getAttribute("value");
            assertTrue(measure.getText().contains(Math.round(Double.parseDouble(value)) + " %"),
                    "measure " + code + " shows its progress " + value + " %: " + measure.getText());
        }
        Path screenshot = ROOT.resolve("e2e-tests/target/screenshots/public-plan.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);
        assertAccessible("the plan");
        reportPath = URI.create(browser.findElement(By.cssSelector("#rapporter a")).getAttribute("href")).getPath();
    }

    @Test
    @Order(4)
    void itsFinalReportReadsAsAPageAndAsAPdf() throws Exception {
        assertTrue(reportPath != null && reportPath.startsWith("/public/reports/"), "the plan links its final report");
        open(reportPath);
        assertTrue(h1().contains("augusti 2023"), h1());
        WebElement pdf = browser.findElement(By.linkText("Ladda ner som PDF"));
        assertEquals(reportPath + ".pdf", URI.create(pdf.getAttribute("href")).getPath());
        assertTrue(browser.findElements(By.cssSelector("main h2")).size() >= 2, "the report's sections are embedded");
        assertAccessible("the report");
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(pdf.getAttribute("href"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        assertEquals("application/pdf", answer.headers().firstValue("Content-Type").orElse("").split(";")[0].trim());
        assertArrayEquals("%PDF".getBytes(), java.util.Arrays.copyOf(answer.body(), 4));
        open("/public/reports");
        assertAccessible("/public/reports");
    }

    @Test
    @Order(5)
    void theKeyboardAloneReachesTheSkipLinkTheContentAndTheMenu() {
        open("/public/");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement first = browser.switchTo().activeElement();
        assertEquals("Till innehållet", first.getText(), "the first Tab reaches the skip link");
        first.sendKeys(Keys.ENTER);
        assertEquals("innehall", browser.switchTo().activeElement().getAttribute("id"), "following it focuses main");

        open("/public/");
        Set<String> reached = new HashSet<>();
        for (int i = 0; i < 15 && reached.size() < 3; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            String href = browser.switchTo().activeElement().getAttribute("href");
            if (href != null) {
                String path = URI.create(href).getPath();
                if (List.of("/public/documents", "/public/plans", "/public/reports").contains(path)) {
                    reached.add(path);
                }
            }
        }
        assertEquals(3, reached.size(), "Tab reaches the three links of the menu: " + reached);
    }

    @Test
    @Order(6)
    void anUnknownPageIsA404InTheSameDesign() {
        open("/public/plans/00000000-0000-4000-8000-000000000000");
        assertEquals("Sidan finns inte", h1());
        assertTrue(browser.findElement(By.cssSelector("nav[aria-label='Huvudmeny']")).isDisplayed());
        assertAccessible("the 404 page");
    }
}
