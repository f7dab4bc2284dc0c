package app.muster;

import static app.muster.browser.VaadinPages.awaitVaadin;
import static app.muster.browser.VaadinPages.cardText;
import static app.muster.browser.VaadinPages.cardValue;
import static app.muster.browser.VaadinPages.cardValueOf;
import static app.muster.browser.VaadinPages.gridRows;
import static app.muster.browser.VaadinPages.open;
import static app.muster.browser.VaadinPages.pathOf;
import static app.muster.browser.VaadinPages.signIn;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.muster.browser.BrowserTest;
import app.muster.browser.Chromium;
import app.muster.directory.ClientOrg;
import app.muster.enrollment.LaunchRequest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An MSP admin launches two courses for three clients in a real browser, and a second admin's dashboard, left open
 * meanwhile, shows the new totals without a reload. The launch then shows on the dashboard, the client pages and the
 * batch pages, with Needs Access where a client lacks a course.
 */
class LaunchBrowserTests extends BrowserTest {

    static final String PHISHING = "phishing-fundamentals";
    static final String HIPAA = "hipaa-privacy";
    static final String BATCH_NAME = "Phishing Fundamentals and HIPAA Privacy and Security for Staff";
    static final List<String> CLIENTS = List.of("Acme Industries", "Bayside Dental Group", "Cedar Ridge Law LLP");
    static final String HAS_HIPAA = "Bayside Dental Group";
    /** Three clients times two courses: every course of every batch counts, Needs Access rows too. */
    static final int COURSE_ENROLLMENTS = 6;

    static final Path SCREENSHOT = Paths.get("docs", "dashboard.png");
    static final Pattern BATCH_PATH = Pattern.compile(".*/msp/training/[0-9a-f-]{36}/[0-9a-f-]{36}$");

    @Test
    void launchForThreeClientsShowsOnEveryPageAndLiveOnAnOpenDashboard() {
        Map<String, ClientOrg> clients = new LinkedHashMap<>();
        CLIENTS.forEach(name -> clients.put(name, tenants.demoClient(name)));
        demoAccessIsAsThisTestExpects(clients);

        Page watcher = signedInDashboard();
        long watcherTotal = cardValue(watcher, "card-total");
        long watcherCompleted = cardValue(watcher, "card-completed");
        long watcherScheduled = cardValue(watcher, "card-scheduled");
        watcher.evaluate("() => { window.musterDashboardNotReloaded = true; }");

        Page admin = signedInDashboard();
        long total = cardValue(admin, "card-total");
        long completed = cardValue(admin, "card-completed");
        long scheduled = cardValue(admin, "card-scheduled");
        // Muster's own stylesheet is served and applies: without it a card is plain inline text.
        assertThat(admin.locator("#card-total")).hasCSS("display", "flex");

        admin.locator("#create-enrollment").click();
        admin.waitForURL(url("/msp/training/enrollment"));
        awaitVaadin(admin);
        runWizard(admin);

        Locator results = admin.locator("#launch-results .launch-result");
        assertThat(results).hasCount(3);
        assertThat(admin.locator("#launch-results .launch-result--ok")).hasCount(3);
        clients.forEach((name, org) -> assertThat(
                        admin.locator("#launch-results .launch-result--ok[data-org='" + org.id() + "']"))
                .hasText(name));

        assertThat(cardValueOf(watcher, "card-total")).hasText(cardText(watcherTotal + COURSE_ENROLLMENTS));
        assertThat(cardValueOf(watcher, "card-completed")).hasText(cardText(watcherCompleted));
        assertThat(cardValueOf(watcher, "card-scheduled")).hasText(cardText(watcherScheduled));
        clientGridShowsTheLaunch(watcher, clients);
        assertThat(watcher.evaluate("() => window.musterDashboardNotReloaded === true"))
                .isEqualTo(true);
        assertThat(pathOf(watcher.url())).isEqualTo("/msp/training");

        admin.locator("#back-to-dashboard").click();
        admin.waitForURL(url("/msp/training"));
        assertThat(cardValueOf(admin, "card-total")).hasText(cardText(total + COURSE_ENROLLMENTS));
        assertThat(cardValueOf(admin, "card-completed")).hasText(cardText(completed));
        assertThat(cardValueOf(admin, "card-scheduled")).hasText(cardText(scheduled));
        clientGridShowsTheLaunch(admin, clients);
        saveScreenshot(admin, SCREENSHOT);

        clients.forEach((name, org) -> clientAndBatchPagesShowTheLaunch(admin, name, org));
    }

    private Page signedInDashboard() {
        Page page = chromium.newContext().newPage();
        signIn(page, url(""), "/msp/training", MusterTest.ADMIN, MusterTest.ADMIN_PASSWORD);
        return page;
    }

    private void runWizard(Page page) {
        assertThat(currentStep(page)).hasText("1. Select Orgs");
        for (int i = 0; i < CLIENTS.size(); i++) {
            selectClient(page, CLIENTS.get(i), i + 1);
        }

        next(page, "2. Select Courses");
        chooseCourse(page, PHISHING);
        chooseCourse(page, HIPAA);
        Locator cart = page.locator("#summary-cart");
        assertThat(cart).containsText("2 courses");
        Locator warning = cart.locator(".cart-warning");
        assertThat(warning).hasCount(1);
        assertThat(warning).containsText("Needs Access at");
        assertThat(warning).containsText("Acme Industries");
        assertThat(warning).containsText("Cedar Ridge Law LLP");
        assertThat(warning).not().containsText(HAS_HIPAA);

        next(page, "3. Targeting");
        assertThat(page.locator(".locked-reason")).isVisible();

        next(page, "4. Schedule");
        page.locator("#preset-all-immediate").click();
        assertThat(page.locator(".schedule-row")).hasCount(2);
        assertThat(page.getByLabel("Send an enrollment email")).not().isChecked();
        assertThat(page.getByLabel("Send reminder emails before the due date"))
                .not()
                .isChecked();

        next(page, "5. Review & Launch");
        Locator review = page.locator("#review");
        CLIENTS.forEach(name -> assertThat(review).containsText(name));
        assertThat(review).containsText("Phishing Fundamentals: enrolls immediately");
        assertThat(review).containsText("HIPAA Privacy and Security for Staff: enrolls immediately");
        assertThat(review).containsText("All users");
        assertThat(review).containsText("No emails");
        page.locator("#wizard-launch").click();
    }

    /** Narrows the client grid to one client with the search field and ticks that client's row. */
    private static void selectClient(Page page, String name, int selectedAfter) {
        page.locator("#client-search input").fill(name);
        Locator grid = page.locator("#wizard-client-grid");
        Locator rowCheckboxes = grid.locator("input[type='checkbox'][aria-label='Select Row']")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(grid.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setVisible(true))
                        .getByText(name, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(rowCheckboxes).hasCount(1);
        assertThat(rowCheckboxes).not().isChecked();
        rowCheckboxes.click();
        assertThat(rowCheckboxes).isChecked();
        String count = selectedAfter + " of at most " + LaunchRequest.MAX_CLIENTS + " selected";
        assertThat(page.getByText(count)).isVisible();
    }

    private static void chooseCourse(Page page, String courseId) {
        Locator tile = page.locator(".course-tile[data-course='" + courseId + "']");
        tile.click();
        assertThat(tile).hasClass(Pattern.compile("\\bcourse-tile--chosen\\b"));
    }

    private static void next(Page page, String step) {
        page.locator("#wizard-next").click();
        assertThat(currentStep(page)).hasText(step);
    }

    private static Locator currentStep(Page page) {
        return page.locator(".wizard-steps li.step--current");
    }

    /** The Client Organizations grid shows one batch of two courses for each client of the launch. */
    private static void clientGridShowsTheLaunch(Page page, Map<String, ClientOrg> clients) {
        Locator clientGrid = page.locator("#client-grid");
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS)).untilAsserted(() -> {
            var rows = gridRows(clientGrid);
            for (String name : clients.keySet()) {
                var row = rows.stream()
                        .filter(cells -> cells.size() >= 4 && cells.get(0).equals(name))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("No row for " + name + " in " + rows));
                assertThat(row.subList(2, 4))
                        .as("batches and courses of %s", name)
                        .containsExactly("1", "2");
            }
        });
    }

    private static void saveScreenshot(Page page, Path file) {
        awaitVaadin(page);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
    }

    private void clientAndBatchPagesShowTheLaunch(Page page, String name, ClientOrg org) {
        UUID batchId = batchOf(org);
        long activeUsers = tenants.activeUsers(org);
        assertThat(activeUsers).as("active users of %s", name).isPositive();

        open(page, url("/msp/training/" + org.id()));
        assertThat(page.locator("h1")).hasText(name);
        Locator batchCell = page.locator("#batch-grid vaadin-grid-cell-content")
                .getByText(BATCH_NAME, new Locator.GetByTextOptions().setExact(true));
        assertThat(batchCell).isVisible();
        batchCell.click();
        page.waitForURL(BATCH_PATH);
        assertThat(page).hasURL(url("/msp/training/" + org.id() + "/" + batchId));
        awaitVaadin(page);

        boolean lacksHipaa = !name.equals(HAS_HIPAA);
        Locator courseGrid = page.locator("#course-grid");
        assertThat(page.locator("h1")).hasText(BATCH_NAME);
        assertThat(courseGrid.locator(".status-badge")).hasCount(2);
        assertThat(courseGrid.locator(".status-badge", new Locator.LocatorOptions().setHasText("Enrolled")))
                .hasCount(lacksHipaa ? 1 : 2);
        assertThat(courseGrid.locator(".status-badge", new Locator.LocatorOptions().setHasText("Needs Access")))
                .hasCount(lacksHipaa ? 1 : 0);
        assertThat(cardValueOf(page, "card-enrolled")).hasText(cardText(lacksHipaa ? 1 : 2));
        if (lacksHipaa) {
            assertThat(cardValueOf(page, "card-needs-access")).hasText(cardText(1));
            Locator explanation = courseGrid.locator(".row-explanation");
            assertThat(explanation).hasCount(1);
            assertThat(explanation).containsText(name + " does not have HIPAA Privacy and Security for Staff");
        } else {
            assertThat(page.locator("#card-needs-access")).isHidden();
            assertThat(courseGrid.locator(".row-explanation")).hasCount(0);
        }

        String learners = activeUsers + " enrolled · 0 completed";
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS)).untilAsserted(() -> {
            var rows = gridRows(courseGrid);
            assertThat(rows).as("course rows of %s", name).hasSize(2);
            var phishing = rowStartingWith(rows, "Enrolled", "Phishing Fundamentals");
            assertThat(phishing).contains(learners);
            if (lacksHipaa) {
                var hipaa = rowStartingWith(rows, "Needs Access", "HIPAA Privacy and Security for Staff");
                assertThat(hipaa).contains("0 enrolled · 0 completed");
                assertThat(String.join(" ", hipaa)).contains("does not have");
            } else {
                var hipaa = rowStartingWith(rows, "Enrolled", "HIPAA Privacy and Security for Staff");
                assertThat(hipaa).contains(learners);
            }
        });
    }

    /** The row whose Status cell reads {@code status} and whose Course cell starts with {@code course}. */
    private static List<String> rowStartingWith(List<List<String>> rows, String status, String course) {
        return rows.stream()
                .filter(row -> row.size() > 1
                        && row.get(0).equals(status)
                        && row.get(1).startsWith(course))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + status + " row for " + course + " in " + rows));
    }

    private UUID batchOf(ClientOrg org) {
        List<UUID> batches = db.sql("SELECT id FROM enrollment_batch WHERE org_id = :id")
                .bind("id", org.id())
                .map(row -> row.get("id", UUID.class))
                .all()
                .collectList()
                .block();
        assertThat(batches).as("batches of %s", org.name()).hasSize(1);
        return batches.getFirst();
    }

    private void demoAccessIsAsThisTestExpects(Map<String, ClientOrg> clients) {
        var access = courseLibrary.accessByOrg(tenants.demoAdmin().scope()).block();
        clients.forEach((name, org) -> {
            var courses = access.getOrDefault(org.id(), Set.of());
            assertThat(courses).as("courses of %s", name).contains(PHISHING);
            if (name.equals(HAS_HIPAA)) {
                assertThat(courses).as("courses of %s", name).contains(HIPAA);
            } else {
                assertThat(courses).as("courses of %s", name).doesNotContain(HIPAA);
            }
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
