package app.muster;

import static app.muster.browser.VaadinPages.awaitVaadin;
import static app.muster.browser.VaadinPages.cardText;
import static app.muster.browser.VaadinPages.cardValueOf;
import static app.muster.browser.VaadinPages.gridRows;
import static app.muster.browser.VaadinPages.signIn;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.muster.base.Rows;
import app.muster.browser.BrowserTest;
import app.muster.browser.Chromium;
import app.muster.directory.ClientOrg;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An MSP admin launches three courses for one client through the wizard in a real browser, to the members of one
 * group except those also in an overlapping group, with the Monthly stagger preset. The Review step previews as many
 * learners as the database says the targeting reaches; the batch page then shows the first course Enrolled for
 * exactly those learners today, and the second and third Scheduled one and two months later.
 */
class GroupStaggerBrowserTests extends BrowserTest {

    static final String CLIENT = "Vantage Engineering GmbH";
    static final String INCLUDED = "Managers";
    static final String EXCLUDED = "Operations";
    /** In wizard order: the first enrolls today, the others one and two months later. */
    static final List<String> COURSES = List.of("phishing-fundamentals", "mfa-basics", "ransomware");

    static final List<String> TITLES = List.of(
            "Phishing Fundamentals",
            "Multi-Factor Authentication Basics",
            "Ransomware: What Every Employee Should Know");
    static final String BATCH_NAME = "Phishing Fundamentals and 2 more courses";
    /** The Due by the wizard proposes: this many days after Enroll on. */
    static final int DAYS_TO_COMPLETE = 30;
    /** How the server shows a date: the medium style of this JVM's default locale, which the server shares. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    static final Pattern PREVIEW_LEARNERS = Pattern.compile(": (\\d+) learners? for each course it has enabled\\.$");
    static final Pattern BATCH_PATH = Pattern.compile(".*/msp/training/[0-9a-f-]{36}/[0-9a-f-]{36}$");

    private static final String ACTIVE_MEMBERS_OF_ONE_BUT_NOT_THE_OTHER = """
            SELECT COUNT(*) AS n
            FROM org_user u
            WHERE u.org_id = :orgId
              AND u.status = 'ACTIVE'
              AND u.id IN (
                    SELECT m.user_id
                    FROM group_membership m
                    JOIN user_group g ON g.id = m.group_id
                    WHERE g.org_id = :orgId
                      AND g.name = :included)
              AND u.id NOT IN (
                    SELECT m.user_id
                    FROM group_membership m
                    JOIN user_group g ON g.id = m.group_id
                    WHERE g.org_id = :orgId
                      AND g.name = :excluded)
            """;

    private static final String ACTIVE_MEMBERS = """
            SELECT COUNT(*) AS n
            FROM org_user u
            JOIN group_membership m ON m.user_id = u.id
            JOIN user_group g ON g.id = m.group_id
            WHERE g.org_id = :orgId
              AND g.name = :group
              AND u.status = 'ACTIVE'
            """;

    private static final String MEMBERS = """
            SELECT COUNT(*) AS n
            FROM group_membership m
            JOIN user_group g ON g.id = m.group_id
            WHERE g.org_id = :orgId
              AND g.name = :group
            """;

    @Test
    void oneGroupExceptAnOverlappingGroupWithMonthlyStaggerEnrollsThePreviewedLearnersMonthByMonth() {
        ClientOrg client = tenants.demoClient(CLIENT);
        assertThat(client).as(CLIENT).isNotNull();
        assertThat(client.ready()).as("%s is Ready", CLIENT).isTrue();
        assertThat(courseLibrary
                        .coursesWithAccess(tenants.demoAdmin().scope(), client.id())
                        .block())
                .as("courses %s may use", CLIENT)
                .containsAll(COURSES);

        long expectedLearners = expectedLearners(client);
        assertThat(expectedLearners)
                .as("active %s of %s not in %s", INCLUDED, CLIENT, EXCLUDED)
                .isPositive();
        assertThat(activeMembers(client, INCLUDED))
                .as("leaving out %s takes away some of the active %s", EXCLUDED, INCLUDED)
                .isGreaterThan(expectedLearners);
        Set<UUID> batchesBefore = batchIds(client);

        Page page = chromium.newContext().newPage();
        signIn(page, url(""), "/msp/training/enrollment", MusterTest.ADMIN, MusterTest.ADMIN_PASSWORD);
        assertThat(currentStep(page)).hasText("1. Select Orgs");
        selectClient(page, CLIENT);

        next(page, "2. Select Courses");
        COURSES.forEach(course -> chooseCourse(page, course));
        assertThat(page.locator("#summary-cart")).containsText(COURSES.size() + " courses");
        assertThat(page.locator("#summary-cart .cart-warning")).hasCount(0);

        next(page, "3. Targeting");
        chooseGroups(page, client);

        next(page, "4. Schedule");
        // The first course's Enroll on is left empty: the stagger starts today in the client's time zone, and the
        // first course stays immediate.
        LocalDate today = LocalDate.now(client.timeZone());
        page.locator("#preset-monthly-stagger").click();
        Locator rows = page.locator(".schedule-row");
        assertThat(rows).hasCount(COURSES.size());
        for (int n = 0; n < COURSES.size(); n++) {
            assertThat(rows.nth(n)).hasAttribute("data-course", COURSES.get(n));
            var enrollOn = rows.nth(n).locator("vaadin-date-picker").first().locator("input");
            if (n == 0) {
                assertThat(enrollOn).hasValue("");
            } else {
                assertThat(enrollOn).not().hasValue("");
            }
        }

        next(page, "5. Review & Launch");
        Locator review = page.locator("#review");
        assertThat(review).containsText(CLIENT);
        assertThat(review)
                .containsText(TITLES.get(0) + ": enrolls immediately, due by "
                        + DATE.format(today.plusDays(DAYS_TO_COMPLETE)));
        for (int n = 1; n < COURSES.size(); n++) {
            LocalDate enrollOn = today.plusMonths(n);
            assertThat(review)
                    .containsText(TITLES.get(n) + ": enrolls on " + DATE.format(enrollOn) + ", due by "
                            + DATE.format(enrollOn.plusDays(DAYS_TO_COMPLETE)));
        }
        assertThat(review).containsText("Members of " + INCLUDED + ", except members of " + EXCLUDED);
        assertThat(review).containsText("No emails");
        Locator previewLine = page.locator("#review-preview li[data-org='" + client.id() + "']");
        assertThat(previewLine).hasText(PREVIEW_LEARNERS);
        String previewText = previewLine.innerText().trim();
        assertThat(previewText).as("preview line").startsWith(CLIENT + ": ");
        Matcher preview = PREVIEW_LEARNERS.matcher(previewText);
        assertThat(preview.find()).as("preview line %s", previewText).isTrue();
        long previewedLearners = Long.parseLong(preview.group(1));
        assertThat(previewedLearners).as("learners the Review step previews").isEqualTo(expectedLearners);

        page.locator("#wizard-launch").click();
        assertThat(page.locator("#launch-results .launch-result")).hasCount(1);
        assertThat(page.locator("#launch-results .launch-result--ok[data-org='" + client.id() + "']"))
                .hasText(CLIENT);
        UUID batchId = newBatch(client, batchesBefore);

        batchPageShowsTheStagger(page, client, batchId, today, previewedLearners);
        assertThat(learnersAssigned(batchId))
                .as("learners assigned to the first course")
                .containsExactly(expectedLearners, 0L, 0L);
    }

    /** Specific groups: the included group and the overlapping excluded one, each ticked in its own list. */
    private void chooseGroups(Page page, ClientOrg client) {
        Locator recipients = page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Recipients"));
        Locator toEnroll = groupList(page, "Groups to enroll");
        Locator toLeaveOut = groupList(page, "Groups to leave out");
        assertThat(radio(recipients, "All users")).isChecked();
        assertThat(radio(recipients, "Exclude groups")).isVisible();
        assertThat(toEnroll).isHidden();
        assertThat(toLeaveOut).isHidden();

        radio(recipients, "Specific groups").check();
        assertThat(toEnroll).isVisible();
        assertThat(toLeaveOut).isVisible();
        Locator included = groupCheckbox(toEnroll, groupLabel(client, INCLUDED));
        Locator excluded = groupCheckbox(toLeaveOut, groupLabel(client, EXCLUDED));
        included.check();
        excluded.check();
        assertThat(included).isChecked();
        assertThat(excluded).isChecked();
        assertThat(groupCheckbox(toEnroll, groupLabel(client, EXCLUDED))).not().isChecked();
        assertThat(groupCheckbox(toLeaveOut, groupLabel(client, INCLUDED)))
                .not()
                .isChecked();
    }

    private static Locator radio(Locator group, String label) {
        return group.getByRole(
                AriaRole.RADIO, new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    private static Locator groupList(Page page, String label) {
        return page.locator("vaadin-checkbox-group")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("label[slot='label']", new Page.LocatorOptions().setHasText(label))));
    }

    private static Locator groupCheckbox(Locator list, String label) {
        return list.getByRole(
                AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    /** How the Targeting step labels a group: its name and how many members it has. */
    private String groupLabel(ClientOrg client, String group) {
        long members = db.sql(MEMBERS)
                .bind("orgId", client.id())
                .bind("group", group)
                .map(row -> Rows.count(row, "n"))
                .one()
                .block();
        long active = db.sql(ACTIVE_MEMBERS)
                .bind("orgId", client.id())
                .bind("group", group)
                .map(row -> Rows.count(row, "n"))
                .one()
                .block();
        String label = group + " (" + members + (members == 1 ? " member" : " members");
        return active == members ? label + ")" : label + ", " + active + " active)";
    }

    private void batchPageShowsTheStagger(Page page, ClientOrg client, UUID batchId, LocalDate today, long learners) {
        page.navigate(url("/msp/training/" + client.id()));
        awaitVaadin(page);
        assertThat(page.locator("h1")).hasText(CLIENT);
        Locator batchGrid = page.locator("#batch-grid");
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS)).untilAsserted(() -> {
            var batch = gridRows(batchGrid).stream()
                    .filter(row -> !row.isEmpty() && row.get(0).equals(BATCH_NAME))
                    .toList();
            assertThat(batch)
                    .as("rows of %s in %s", BATCH_NAME, gridRows(batchGrid))
                    .hasSize(1);
            assertThat(batch.getFirst().subList(1, 4))
                    .as("courses, status and next enrollment")
                    .containsExactly("3", "In Progress", DATE.format(today.plusMonths(1)));
        });
        batchGrid
                .locator("vaadin-grid-cell-content")
                .getByText(BATCH_NAME, new Locator.GetByTextOptions().setExact(true))
                .click();
        page.waitForURL(BATCH_PATH);
        assertThat(page).hasURL(url("/msp/training/" + client.id() + "/" + batchId));
        awaitVaadin(page);

        assertThat(page.locator("h1")).hasText(BATCH_NAME);
        assertThat(cardValueOf(page, "card-enrolled")).hasText(cardText(1));
        assertThat(cardValueOf(page, "card-scheduled")).hasText(cardText(2));
        assertThat(cardValueOf(page, "card-failed")).hasText(cardText(0));
        assertThat(page.locator("#card-needs-access")).isHidden();

        Locator courseGrid = page.locator("#course-grid");
        var expected = List.of(
                row("Enrolled", 0, today, learners + " enrolled · 0 completed"),
                row("Scheduled", 1, today, "—"),
                row("Scheduled", 2, today, "—"));
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS)).untilAsserted(() -> {
            var shown = gridRows(courseGrid).stream()
                    .map(cells -> cells.subList(0, Math.min(5, cells.size())))
                    .toList();
            assertThat(shown).as("course rows of the batch").isEqualTo(expected);
        });
    }

    /** A course row as the batch page shows it: status, course, Enroll on, Due by, learners. */
    private static List<String> row(String status, int course, LocalDate today, String learners) {
        LocalDate enrollOn = today.plusMonths(course);
        return List.of(
                status,
                TITLES.get(course),
                DATE.format(enrollOn),
                DATE.format(enrollOn.plusDays(DAYS_TO_COMPLETE)),
                learners);
    }

    /** Narrows the client grid to one client with the search field and ticks that client's row. */
    private static void selectClient(Page page, String name) {
        page.locator("#client-search input").fill(name);
        Locator grid = page.locator("#wizard-client-grid");
        Locator rowCheckboxes = grid.locator("input[type='checkbox'][aria-label='Select Row']")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(grid.locator("vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setVisible(true))
                        .getByText(name, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(rowCheckboxes).hasCount(1);
        rowCheckboxes.click();
        assertThat(rowCheckboxes).isChecked();
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

    private long expectedLearners(ClientOrg client) {
        return db.sql(ACTIVE_MEMBERS_OF_ONE_BUT_NOT_THE_OTHER)
                .bind("orgId", client.id())
                .bind("included", INCLUDED)
                .bind("excluded", EXCLUDED)
                .map(row -> Rows.count(row, "n"))
                .one()
                .block();
    }

    private long activeMembers(ClientOrg client, String group) {
        return db.sql(ACTIVE_MEMBERS)
                .bind("orgId", client.id())
                .bind("group", group)
                .map(row -> Rows.count(row, "n"))
                .one()
                .block();
    }

    private Set<UUID> batchIds(ClientOrg client) {
        return new HashSet<>(db.sql("SELECT id FROM enrollment_batch WHERE org_id = :id")
                .bind("id", client.id())
                .map(row -> row.get("id", UUID.class))
                .all()
                .collectList()
                .block());
    }

    private UUID newBatch(ClientOrg client, Set<UUID> before) {
        Set<UUID> created = batchIds(client);
        created.removeAll(before);
        assertThat(created).as("batches the launch created for %s", CLIENT).hasSize(1);
        return created.iterator().next();
    }

    /** Learners assigned per course enrollment of the batch, in the order of its courses' Enroll on dates. */
    private List<Long> learnersAssigned(UUID batchId) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM learner_assignment a WHERE a.course_enrollment_id = ce.id) AS n
                FROM course_enrollment ce
                WHERE ce.batch_id = :id
                ORDER BY ce.enroll_on
                """)
                .bind("id", batchId)
                .map(row -> Rows.count(row, "n"))
                .all()
                .collectList()
                .block();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
