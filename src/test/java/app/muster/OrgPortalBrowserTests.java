package app.muster;

import static app.muster.browser.VaadinPages.awaitVaadin;
import static app.muster.browser.VaadinPages.gridRows;
import static app.muster.browser.VaadinPages.signIn;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.muster.base.TenantScope;
import app.muster.browser.BrowserTest;
import app.muster.browser.Chromium;
import app.muster.directory.ClientOrg;
import app.muster.directory.OrgUser;
import app.muster.security.OrgAdmins;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A client's own org admin signs in to the org portal, runs the wizard without its client step, targets two
 * individual users found by email and by name, and launches; the org portal's batch page then shows those two learners
 * and nobody else. Their MSP admin then opens the same client's portal with "View as this client" and sees the batch.
 */
class OrgPortalBrowserTests extends BrowserTest {

    static final String CLIENT = "Zenith Home Health";
    static final String COURSE = "phishing-fundamentals";
    static final String COURSE_TITLE = "Phishing Fundamentals";
    static final String ORG_ADMIN = "it-lead@zenith-home-health.example";
    static final Pattern ORG_BATCH_PATH = Pattern.compile(".*/org/training/[0-9a-f-]{36}$");

    @Autowired
    OrgAdmins orgAdmins;

    @Test
    void anOrgAdminTargetsTwoIndividualUsersAndTheBatchPageShowsThoseTwoLearners() {
        ClientOrg client = tenants.demoClient(CLIENT);
        String password = orgAdmins
                .add(tenants.demoAdmin(), client.id(), ORG_ADMIN, "Zenith IT Lead")
                .block()
                .password();
        List<OrgUser> active = clientOrgs
                .users(TenantScope.clientOrg(client.mspId(), client.id()), client.id())
                .filter(OrgUser::active)
                .collectList()
                .block();
        assertThat(active).as("active users of %s", CLIENT).hasSizeGreaterThan(3);
        OrgUser byEmail = active.get(1);
        OrgUser byName = active.get(active.size() - 2);

        Page page = chromium.newContext().newPage();
        signIn(page, url(""), "/org/training", ORG_ADMIN, password);
        assertThat(page.locator("#org-name")).hasText(CLIENT);
        assertThat(page.locator("#viewing-as-banner")).isHidden();

        page.locator("#org-create-enrollment").click();
        page.waitForURL(url -> url.endsWith("/org/training/enrollment"));
        awaitVaadin(page);
        assertThat(currentStep(page)).hasText("1. Select Courses");
        assertThat(page.locator(".wizard-steps li")).hasCount(4);
        Locator tile = page.locator(".course-tile[data-course='" + COURSE + "']");
        tile.click();
        assertThat(tile).hasClass(Pattern.compile("\\bcourse-tile--chosen\\b"));

        next(page, "2. Targeting");
        Locator recipients = page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Recipients"));
        recipients
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Individual users"))
                .check();
        page.locator("#wizard-next").click();
        assertThat(page.locator(".blocker-message")).hasText("Choose at least one user: search by name or email.");
        assertThat(currentStep(page)).hasText("2. Targeting");
        pickUser(page, byEmail.email(), byEmail);
        pickUser(page, byName.firstName() + " " + byName.lastName(), byName);

        next(page, "3. Schedule");
        next(page, "4. Review & Launch");
        Locator review = page.locator("#review");
        assertThat(review).containsText(CLIENT);
        assertThat(review).containsText("2 chosen users: ");
        assertThat(review).containsText(byEmail.email());
        assertThat(review).containsText(byName.email());
        assertThat(page.locator("#review-preview li[data-org='" + client.id() + "']"))
                .containsText(": 2 learners for each course it has enabled.");

        page.locator("#wizard-launch").click();
        assertThat(page.locator("#launch-results .launch-result--ok[data-org='" + client.id() + "']"))
                .hasText(CLIENT);
        page.locator("#back-to-dashboard").click();
        page.waitForURL(url -> url.endsWith("/org/training"));
        awaitVaadin(page);

        Locator batchGrid = page.locator("#batch-grid");
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS))
                .untilAsserted(() -> assertThat(gridRows(batchGrid).stream()
                                .filter(row -> !row.isEmpty())
                                .map(List::getFirst))
                        .as("batches in the org portal")
                        .containsExactly(COURSE_TITLE));
        batchGrid
                .locator("vaadin-grid-cell-content")
                .getByText(COURSE_TITLE, new Locator.GetByTextOptions().setExact(true))
                .click();
        page.waitForURL(ORG_BATCH_PATH);
        awaitVaadin(page);
        assertThat(page.locator("h1")).hasText(COURSE_TITLE);
        Locator courseGrid = page.locator("#course-grid");
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS))
                .untilAsserted(() -> assertThat(gridRows(courseGrid).stream()
                                .filter(row -> row.size() > 4)
                                .map(row -> row.get(4)))
                        .as("learners of the course row")
                        .containsExactly("2 enrolled · 0 completed"));

        courseGrid
                .locator("vaadin-grid-cell-content")
                .getByText(COURSE_TITLE, new Locator.GetByTextOptions().setExact(true))
                .click();
        Locator learners = page.locator("#learner-grid");
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS))
                .untilAsserted(() -> assertThat(gridRows(learners).stream()
                                .filter(row -> row.size() > 1)
                                .map(row -> row.get(1)))
                        .as("learners listed for the course")
                        .containsExactlyInAnyOrder(byEmail.email(), byName.email()));

        UUID batchId = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));
        mspAdminViewsAsTheClient(client, batchId);
    }

    /** The MSP admin opens the client's org portal from the client page and sees the org admin's batch. */
    private void mspAdminViewsAsTheClient(ClientOrg client, UUID batchId) {
        Page page = chromium.newContext().newPage();
        signIn(page, url(""), "/msp/training/" + client.id(), MusterTest.ADMIN, MusterTest.ADMIN_PASSWORD);
        page.locator("#view-as-client").click();
        page.waitForURL(url -> url.endsWith("/org/training"));
        awaitVaadin(page);
        assertThat(page.locator("#org-name")).hasText(CLIENT);
        assertThat(page.locator("#viewing-as-banner")).containsText("You are viewing the org portal of " + CLIENT);
        Locator batchGrid = page.locator("#batch-grid");
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS))
                .untilAsserted(() -> assertThat(gridRows(batchGrid).stream()
                                .filter(row -> !row.isEmpty())
                                .map(List::getFirst))
                        .containsExactly(COURSE_TITLE));

        // A second tab of the same browser views another client; this tab stays with its own.
        ClientOrg other = tenants.demoClient("Orchard Veterinary Hospital");
        Page second = page.context().newPage();
        second.navigate(url("/msp/training/" + other.id()));
        awaitVaadin(second);
        second.locator("#view-as-client").click();
        second.waitForURL(url -> url.endsWith("/org/training"));
        awaitVaadin(second);
        assertThat(second.locator("#org-name")).hasText(other.name());
        page.locator("#org-create-enrollment").click();
        page.waitForURL(url -> url.endsWith("/org/training/enrollment"));
        awaitVaadin(page);
        page.locator("vaadin-side-nav-item[path='org/training']").click();
        page.waitForURL(url -> url.endsWith("/org/training"));
        awaitVaadin(page);
        assertThat(page.locator("#org-name")).hasText(CLIENT);
        assertThat(page.locator("h1")).hasText(CLIENT + " training");
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS))
                .untilAsserted(() -> assertThat(gridRows(batchGrid).stream()
                                .filter(row -> !row.isEmpty())
                                .map(List::getFirst))
                        .containsExactly(COURSE_TITLE));

        page.locator("#back-to-msp").click();
        page.waitForURL(url -> url.endsWith("/msp/training/" + client.id()));
        awaitVaadin(page);
        page.navigate(url("/org/training/" + batchId));
        page.waitForURL(url -> url.endsWith("/msp/training"));
    }

    /** Types into the Users field and picks the one match, shown as "name (email)". */
    private static void pickUser(Page page, String search, OrgUser user) {
        Locator input = page.locator("#individual-users input");
        input.fill(search);
        Locator option = page.locator("vaadin-multi-select-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText(user.email()));
        assertThat(option).hasCount(1);
        option.click();
        input.press("Escape");
    }

    private static void next(Page page, String step) {
        page.locator("#wizard-next").click();
        assertThat(currentStep(page)).hasText(step);
    }

    private static Locator currentStep(Page page) {
        return page.locator(".wizard-steps li.step--current");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
