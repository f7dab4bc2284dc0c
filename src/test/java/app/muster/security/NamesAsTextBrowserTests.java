package app.muster.security;

import static app.muster.browser.VaadinPages.gridRows;
import static app.muster.browser.VaadinPages.open;
import static app.muster.browser.VaadinPages.signIn;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.muster.browser.BrowserTest;
import app.muster.browser.Chromium;
import app.muster.security.IsolatedMsp.Client;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names typed by users are shown as text, never run as markup. A client is named {@value #SCRIPT}; its groups are
 * named the same and {@value #IMAGE}, which would run as soon as it were inserted as markup. In a real browser, every
 * page that shows those names shows them literally, and no dialog opens at any time: the dashboard, the client page,
 * the batch page, the wizard (client list, targeting groups, review, results), the org portal as the client's org
 * admin and as its MSP viewing as the client, the org portal's batch page and wizard, and the learner's page. The
 * API returns the names as JSON string data.
 */
class NamesAsTextBrowserTests extends BrowserTest {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String IMAGE = "<img src=x onerror=alert('x')>";

    /** Markup the names would have made, had they been inserted as HTML. */
    static final String INJECTED_SCRIPTS =
            "scripts => scripts.filter(script => script.textContent.trim() === \"alert('x')\").length";

    @Autowired
    IsolatedTenants isolatedTenants;

    final List<String> dialogs = new CopyOnWriteArrayList<>();
    final List<Page> pages = new CopyOnWriteArrayList<>();
    IsolatedMsp msp;
    Client client;

    @BeforeAll
    void clientNamedLikeMarkup() {
        msp = isolatedTenants.msp(
                "Markup MSP " + UUID.randomUUID().toString().substring(0, 8),
                List.of(SCRIPT, "Plain Dental"),
                name -> name.equals(SCRIPT) ? List.of(SCRIPT, IMAGE) : List.of("Staff", "Office"));
        client = msp.first();
        assertThat(client.name()).isEqualTo(SCRIPT);
    }

    /** Every page of the test: no dialog opened, and none of the markup of the names is in the page. */
    @AfterEach
    void noMarkupRan() {
        var softly = new SoftAssertions();
        softly.assertThat(dialogs).as("dialogs opened").isEmpty();
        for (Page page : pages) {
            softly.assertThat(page.locator("img[src='x']").count())
                    .as("images made of a name on %s", page.url())
                    .isZero();
            softly.assertThat(((Number) page.locator("script").evaluateAll(INJECTED_SCRIPTS)).intValue())
                    .as("scripts made of a name on %s", page.url())
                    .isZero();
        }
        pages.clear();
        dialogs.clear();
        softly.assertAll();
    }

    @Test
    void theMspPortalShowsTheNamesAsText() {
        Page page = watchedPage();
        signIn(page, url(""), "/msp/training", msp.admin().getUsername(), msp.password());

        Locator clientGrid = page.locator("#client-grid");
        await().atMost(patience())
                .untilAsserted(() -> assertThat(gridRows(clientGrid).stream()
                                .filter(row -> !row.isEmpty())
                                .map(List::getFirst))
                        .contains(SCRIPT));

        open(page, url("/msp/training/" + client.id()));
        assertThat(page.locator("h1")).hasText(SCRIPT);

        open(page, url("/msp/training/" + client.id() + "/" + client.batchId()));
        assertThat(page.getByText("← " + SCRIPT, new Page.GetByTextOptions().setExact(true)))
                .isVisible();

        open(page, url("/msp/training/" + client.id()));
        page.locator("#view-as-client").click();
        page.waitForURL(address -> address.endsWith("/org/training"));
        assertThat(page.locator("#org-name")).hasText(SCRIPT);
        assertThat(page.locator("#viewing-as-banner"))
                .containsText("You are viewing the org portal of " + SCRIPT + " as their MSP.");
        assertThat(page.locator("h1")).hasText(SCRIPT + " training");
        page.locator("#back-to-msp").click();
        page.waitForURL(address -> address.endsWith("/msp/training/" + client.id()));
    }

    @Test
    void theWizardShowsTheNamesAsText() {
        Page page = watchedPage();
        signIn(page, url(""), "/msp/training/enrollment", msp.admin().getUsername(), msp.password());

        page.locator("#client-search input").fill("script");
        Locator clientGrid = page.locator("#wizard-client-grid");
        assertThat(clientGrid
                        .locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setVisible(true))
                        .getByText(SCRIPT, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        Locator rowCheckbox = clientGrid
                .locator("input[type='checkbox'][aria-label='Select Row']")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(rowCheckbox).hasCount(1);
        rowCheckbox.click();

        next(page, "2. Select Courses");
        chooseCourse(page);
        next(page, "3. Targeting");
        Locator toEnroll = specificGroups(page);
        group(toEnroll, SCRIPT + " (2 members)").check();
        assertThat(group(toEnroll, IMAGE + " (1 member)")).isVisible();

        next(page, "4. Schedule");
        next(page, "5. Review & Launch");
        Locator review = page.locator("#review");
        assertThat(review).containsText(SCRIPT);
        assertThat(page.locator("#review-preview li")).containsText(SCRIPT + ": 2 learners");

        page.locator("#wizard-launch").click();
        assertThat(page.locator("#launch-results .launch-result--ok[data-org='" + client.id() + "']"))
                .hasText(SCRIPT);
    }

    @Test
    void theOrgPortalShowsTheNamesAsText() {
        Page page = watchedPage();
        signIn(page, url(""), "/org/training", client.orgAdmin().getUsername(), client.orgAdminPassword());

        assertThat(page.locator("#org-name")).hasText(SCRIPT);
        assertThat(page.locator("h1")).hasText(SCRIPT + " training");

        open(page, url("/org/training/" + client.batchId()));
        assertThat(page.locator("#org-name")).hasText(SCRIPT);
        assertThat(page.locator("#course-grid")).isVisible();

        open(page, url("/org/training/enrollment"));
        chooseCourse(page);
        next(page, "2. Targeting");
        Locator toEnroll = specificGroups(page);
        assertThat(group(toEnroll, SCRIPT + " (2 members)")).isVisible();
        group(toEnroll, IMAGE + " (1 member)").check();
        next(page, "3. Schedule");
        next(page, "4. Review & Launch");
        assertThat(page.locator("#review")).containsText(SCRIPT);
    }

    @Test
    void theLearnersPageShowsTheClientsNameAsText() {
        Page page = watchedPage();

        open(page, url("/learn/" + client.learnerToken()));

        assertThat(page.getByText("Your security-awareness training at " + SCRIPT + "."))
                .isVisible();
    }

    @Test
    void theApiReturnsTheNamesAsJsonStrings() throws Exception {
        var http = HttpClient.newHttpClient();
        var json = JsonMapper.builder().build();

        var clients = http.send(apiGet("/api/v1/clients"), HttpResponse.BodyHandlers.ofString());
        var groups =
                http.send(apiGet("/api/v1/clients/" + client.id() + "/groups"), HttpResponse.BodyHandlers.ofString());

        for (var response : List.of(clients, groups)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).doesNotContain("&lt;", "&#");
        }
        assertThat(json.readTree(clients.body()).valueStream().map(node -> node.get("name")))
                .anySatisfy(name -> {
                    assertThat(name.isString()).isTrue();
                    assertThat(name.asString()).isEqualTo(SCRIPT);
                });
        assertThat(json.readTree(groups.body())
                        .valueStream()
                        .map(node -> node.get("name"))
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder(SCRIPT, IMAGE);
    }

    /** A page of a browser profile of its own, whose every dialog is noted and dismissed. */
    private Page watchedPage() {
        Page page = chromium.newContext().newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message() + " on " + page.url());
            dialog.dismiss();
        });
        pages.add(page);
        return page;
    }

    private static void chooseCourse(Page page) {
        Locator tile = page.locator(".course-tile[data-course='" + IsolatedTenants.ENABLED_COURSE + "']");
        tile.click();
        assertThat(tile).hasClass(Pattern.compile("\\bcourse-tile--chosen\\b"));
    }

    /** Chooses Specific groups and returns the list of groups to enroll. */
    private static Locator specificGroups(Page page) {
        page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Recipients"))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Specific groups"))
                .check();
        Locator toEnroll = page.locator("vaadin-checkbox-group")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator(
                                "label[slot='label']", new Page.LocatorOptions().setHasText("Groups to enroll"))));
        assertThat(toEnroll).isVisible();
        return toEnroll;
    }

    private static Locator group(Locator list, String label) {
        return list.getByRole(
                AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    private static void next(Page page, String step) {
        page.locator("#wizard-next").click();
        assertThat(page.locator(".wizard-steps li.step--current")).hasText(step);
    }

    private HttpRequest apiGet(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + msp.apiToken())
                .GET()
                .build();
    }

    private static Duration patience() {
        return Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
