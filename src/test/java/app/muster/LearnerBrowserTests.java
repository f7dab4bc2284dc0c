package app.muster;

import static app.muster.browser.VaadinPages.awaitVaadin;
import static app.muster.browser.VaadinPages.gridRows;
import static app.muster.browser.VaadinPages.open;
import static app.muster.browser.VaadinPages.signIn;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.muster.base.Rows;
import app.muster.browser.BrowserTest;
import app.muster.browser.Chromium;
import app.muster.directory.ClientOrg;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchResult;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.Targeting;
import app.muster.learning.LearnerLinks;
import app.muster.security.AdminPrincipal;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learner opens their personal link in a browser of their own, without signing in, takes a built-in course's quiz
 * and passes; an MSP admin's batch page and dashboard, open meanwhile, show the completion without a reload. A quiz
 * below the pass mark, a revoked link and another learner's assignment complete nothing and show nothing.
 */
class LearnerBrowserTests extends BrowserTest {

    /**
     * A small Ready client. Each test launches its own course to it, so that their learners' cards never mix, and
     * takes a learner of its own, so that revoking one learner's links touches no other test.
     */
    static final String CLIENT = "Fjord Consulting AS";

    static final int DAYS_TO_COMPLETE = 30;
    /** How the server shows a date: the medium style of this JVM's default locale, which the server shares. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    static final Pattern COMPLETED_CAPTION = Pattern.compile("^([\\d,]+) of ([\\d,]+) learner assignments completed$");
    static final String PASSED = "You passed with 100%. This course is complete.";
    /** Two right answers of three score 66%, below the pass mark of 70%. */
    static final String NOT_PASSED = "You scored 66%; 70% passes. Read the lesson again and have another go.";

    static final String LINK_NOT_FOUND = "This learner link was not found";
    static final String COURSE_NOT_FOUND = "This course was not found";

    @Autowired
    LaunchService launchService;

    @Autowired
    LearnerLinks links;

    AdminPrincipal admin;
    ClientOrg client;

    @BeforeAll
    void chooseLearnersClient() {
        admin = tenants.demoAdmin();
        client = tenants.demoClient(CLIENT);
        assertThat(client).as(CLIENT).isNotNull();
    }

    @Test
    void aLearnerPassesTheQuizAndTheOpenBatchPageAndDashboardShowItWithoutReload() {
        String course = "phishing-fundamentals";
        Batch batch = launch(course);
        Assignment learner = batch.assignments().getFirst();
        String token = links.issue(learner.userId()).block();

        Page dashboard = signedInAdmin();
        Locator caption = dashboard.locator("#card-completed .summary-card__caption");
        assertThat(caption).hasText(COMPLETED_CAPTION);
        long[] before = completedOfAssignments(caption.innerText().trim());
        markNotReloaded(dashboard);

        Page batchPage = dashboard.context().newPage();
        open(batchPage, url("/msp/training/" + client.id() + "/" + batch.id()));
        Locator courseGrid = batchPage.locator("#course-grid");
        awaitLearnersCell(courseGrid, batch, batch.learners() + " enrolled · 0 completed");
        markNotReloaded(batchPage);

        Page learnerPage = chromium.newContext().newPage();
        open(learnerPage, url("/learn/" + token));
        assertThat(learnerPage.locator("h1")).hasText("Hello, " + learner.firstName());
        Locator card = learnerPage.locator(".learner-course[data-course='" + course + "']");
        assertThat(card).hasCount(1);
        assertThat(card.locator("h3")).hasText(batch.title());
        assertThat(card.locator(".status-badge")).hasText("Due " + DATE.format(batch.dueBy()));
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start"))
                .click();
        learnerPage.waitForURL(url("/learn/" + token + "/" + learner.assignmentId()));
        awaitVaadin(learnerPage);
        assertThat(learnerPage.locator("h1")).hasText(batch.title());

        Quiz quiz = Quiz.of(course);
        answer(learnerPage, quiz, quiz.rightAnswers());
        learnerPage.locator("#submit-quiz").click();
        assertThat(learnerPage.locator("#quiz-outcome")).hasText(PASSED);
        assertThat(learnerPage.locator("#submit-quiz")).isHidden();
        assertThat(status(learner)).isEqualTo("COMPLETED");

        awaitLearnersCell(courseGrid, batch, batch.learners() + " enrolled · 1 completed");
        assertThat(caption)
                .hasText(String.format("%,d of %,d learner assignments completed", before[0] + 1, before[1]));
        assertNotReloaded(batchPage);
        assertNotReloaded(dashboard);

        open(learnerPage, url("/learn/" + token));
        assertThat(card.locator(".status-badge")).hasText("Completed · 100%");
        assertThat(card.getByRole(AriaRole.BUTTON)).hasCount(0);
    }

    @Test
    void answersBelowThePassMarkAskForAnotherTryAndCompleteNothing() {
        String course = "mfa-basics";
        Batch batch = launch(course);
        Assignment learner = batch.assignments().get(1);
        String token = links.issue(learner.userId()).block();

        Page learnerPage = chromium.newContext().newPage();
        open(learnerPage, url("/learn/" + token + "/" + learner.assignmentId()));
        assertThat(learnerPage.locator("h1")).hasText(batch.title());
        Quiz quiz = Quiz.of(course);
        List<Integer> oneWrong = new ArrayList<>(quiz.rightAnswers());
        oneWrong.set(2, quiz.wrongAnswer(2));
        answer(learnerPage, quiz, oneWrong);
        learnerPage.locator("#submit-quiz").click();

        assertThat(learnerPage.locator("#quiz-outcome")).hasText(NOT_PASSED);
        assertThat(learnerPage.locator("#submit-quiz")).isEnabled();
        assertThat(status(learner)).isEqualTo("IN_PROGRESS");
        assertThat(learnersCompleted(batch)).isZero();

        Page batchPage = signedInAdmin();
        open(batchPage, url("/msp/training/" + client.id() + "/" + batch.id()));
        awaitLearnersCell(batchPage.locator("#course-grid"), batch, batch.learners() + " enrolled · 0 completed");

        open(learnerPage, url("/learn/" + token));
        Locator card = learnerPage.locator(".learner-course[data-course='" + course + "']");
        assertThat(card.locator(".status-badge")).hasText("Due " + DATE.format(batch.dueBy()));
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try again")))
                .isVisible();
    }

    @Test
    void aRevokedLinkOpensNothingFromTheMomentItIsRevoked() {
        String course = "smishing";
        Batch batch = launch(course);
        Assignment learner = batch.assignments().get(2);
        String token = links.issue(learner.userId()).block();

        Page learnerPage = chromium.newContext().newPage();
        open(learnerPage, url("/learn/" + token));
        assertThat(learnerPage.locator("h1")).hasText("Hello, " + learner.firstName());
        assertThat(learnerPage.locator(".learner-course[data-course='" + course + "']"))
                .hasCount(1);

        assertThat(links.revokeAll(learner.userId()).block())
                .as("links revoked")
                .isPositive();

        open(learnerPage, url("/learn/" + token));
        assertThat(learnerPage.locator(".not-found h2")).hasText(LINK_NOT_FOUND);
        assertThat(learnerPage.locator(".learner-course")).hasCount(0);
        assertThat(learnerPage.getByText("Hello, " + learner.firstName())).hasCount(0);

        open(learnerPage, url("/learn/" + token + "/" + learner.assignmentId()));
        assertThat(learnerPage.locator(".not-found h2")).hasText(COURSE_NOT_FOUND);
        assertThat(learnerPage.locator(".quiz-question")).hasCount(0);
        assertThat(learnerPage.locator("#submit-quiz")).hasCount(0);
    }

    @Test
    void oneLearnersLinkCannotOpenAnotherLearnersAssignment() {
        String course = "clean-desk";
        Batch batch = launch(course);
        Assignment mine = batch.assignments().get(3);
        Assignment theirs = batch.assignments().get(4);
        String myToken = links.issue(mine.userId()).block();
        String theirToken = links.issue(theirs.userId()).block();

        Page learnerPage = chromium.newContext().newPage();
        open(learnerPage, url("/learn/" + myToken + "/" + theirs.assignmentId()));
        assertThat(learnerPage.locator(".not-found h2")).hasText(COURSE_NOT_FOUND);
        assertThat(learnerPage.locator(".quiz-question")).hasCount(0);
        assertThat(learnerPage.locator("#submit-quiz")).hasCount(0);
        assertThat(learnerPage.getByText(batch.title(), new Page.GetByTextOptions().setExact(true)))
                .hasCount(0);

        // The same assignment opens with its own learner's link, and the first link still opens its own.
        open(learnerPage, url("/learn/" + theirToken + "/" + theirs.assignmentId()));
        assertThat(learnerPage.locator("h1")).hasText(batch.title());
        assertThat(learnerPage.locator(".quiz-question")).hasCount(3);
        open(learnerPage, url("/learn/" + myToken + "/" + mine.assignmentId()));
        assertThat(learnerPage.locator("h1")).hasText(batch.title());
        assertThat(status(theirs)).isEqualTo("ASSIGNED");
    }

    private Page signedInAdmin() {
        Page page = chromium.newContext().newPage();
        signIn(page, url(""), "/msp/training", MusterTest.ADMIN, MusterTest.ADMIN_PASSWORD);
        return page;
    }

    /** Launches one course to the client now, without emails, and reads back who it assigned. */
    private Batch launch(String courseId) {
        assertThat(courseLibrary.coursesWithAccess(admin.scope(), client.id()).block())
                .as("courses %s may use", CLIENT)
                .contains(courseId);
        LocalDate dueBy = LocalDate.now(client.timeZone()).plusDays(DAYS_TO_COMPLETE);
        var request = new LaunchRequest(
                UUID.randomUUID(),
                List.of(client.id()),
                List.of(CourseSchedule.immediately(courseId, dueBy)),
                Targeting.allUsers(),
                Notifications.none());
        LaunchResult result = launchService.launch(admin, request).blockFirst();
        assertThat(result.succeeded())
                .as("launch of %s to %s: %s", courseId, CLIENT, result.error())
                .isTrue();
        String title = courseLibrary
                .all()
                .filter(course -> course.id().equals(courseId))
                .blockFirst()
                .title();
        List<Assignment> assignments = db.sql("""
                SELECT a.id, a.user_id, u.first_name
                FROM learner_assignment a
                JOIN org_user u ON u.id = a.user_id
                JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
                WHERE ce.batch_id = :id
                  AND u.status = 'ACTIVE'
                ORDER BY u.email_key
                """)
                .bind("id", result.batchId())
                .map(row -> new Assignment(
                        Rows.count(row, "id"), row.get("user_id", UUID.class), row.get("first_name", String.class)))
                .all()
                .collectList()
                .block();
        assertThat(assignments).as("learners assigned %s", courseId).hasSizeGreaterThanOrEqualTo(5);
        assertThat((long) assignments.size()).isEqualTo(tenants.activeUsers(client));
        return new Batch(result.batchId(), title, dueBy, assignments);
    }

    /** Picks, for each question in order, the choice at the given index, by the choice's text. */
    private static void answer(Page page, Quiz quiz, List<Integer> chosen) {
        Locator questions = page.locator(".quiz-question");
        assertThat(questions).hasCount(quiz.choices().size());
        for (int i = 0; i < chosen.size(); i++) {
            Locator choice = questions
                    .nth(i)
                    .getByRole(
                            AriaRole.RADIO,
                            new Locator.GetByRoleOptions()
                                    .setName(quiz.choices().get(i).get(chosen.get(i)))
                                    .setExact(true));
            choice.check();
            assertThat(choice).isChecked();
        }
    }

    /** Waits until the batch page's only course row shows {@code learners} in its Learners column. */
    private static void awaitLearnersCell(Locator courseGrid, Batch batch, String learners) {
        await().atMost(Duration.ofMillis((long) Chromium.TIMEOUT_MILLIS)).untilAsserted(() -> {
            var rows = gridRows(courseGrid);
            assertThat(rows).as("course rows").hasSize(1);
            assertThat(rows.getFirst())
                    .as("row of %s", batch.title())
                    .startsWith("Enrolled", batch.title())
                    .contains(learners);
        });
    }

    private static void markNotReloaded(Page page) {
        page.evaluate("() => { window.musterNotReloaded = true; }");
    }

    private static void assertNotReloaded(Page page) {
        assertThat(page.evaluate("() => window.musterNotReloaded === true"))
                .as("%s not reloaded", page.url())
                .isEqualTo(true);
    }

    /** The two numbers of "X of Y learner assignments completed". */
    private static long[] completedOfAssignments(String caption) {
        Matcher numbers = COMPLETED_CAPTION.matcher(caption);
        assertThat(numbers.matches()).as("Completed caption %s", caption).isTrue();
        return new long[] {
            Long.parseLong(numbers.group(1).replace(",", "")),
            Long.parseLong(numbers.group(2).replace(",", ""))
        };
    }

    private String status(Assignment assignment) {
        return db.sql("SELECT status FROM learner_assignment WHERE id = :id")
                .bind("id", assignment.assignmentId())
                .map(row -> row.get("status", String.class))
                .one()
                .block();
    }

    private long learnersCompleted(Batch batch) {
        return db.sql("SELECT learners_completed FROM course_enrollment WHERE batch_id = :id")
                .bind("id", batch.id())
                .map(row -> Rows.count(row, "learners_completed"))
                .one()
                .block();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private record Batch(UUID id, String title, LocalDate dueBy, List<Assignment> assignments) {

        long learners() {
            return assignments.size();
        }
    }

    private record Assignment(long assignmentId, UUID userId, String firstName) {}

    /** A course's quiz as lessons/lessons.json writes it: for each question, its choices and the right one. */
    private record Quiz(List<List<String>> choices, List<Integer> rightAnswers) {

        static Quiz of(String courseId) {
            JsonNode lessons;
            try (InputStream in = new ClassPathResource("lessons/lessons.json").getInputStream()) {
                lessons = JsonMapper.builder().build().readTree(in);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            for (JsonNode lesson : lessons) {
                if (lesson.get("courseId").asString().equals(courseId)) {
                    List<List<String>> choices = new ArrayList<>();
                    List<Integer> right = new ArrayList<>();
                    lesson.get("questions").forEach(question -> {
                        List<String> texts = new ArrayList<>();
                        question.get("choices").forEach(choice -> texts.add(choice.asString()));
                        choices.add(texts);
                        right.add(question.get("answer").asInt());
                    });
                    return new Quiz(choices, right);
                }
            }
            throw new AssertionError("lessons.json has no lesson for " + courseId);
        }

        int wrongAnswer(int question) {
            return (rightAnswers.get(question) + 1) % choices.get(question).size();
        }
    }
}
