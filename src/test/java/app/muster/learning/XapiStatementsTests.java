package app.muster.learning;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.TestTenants;
import app.muster.base.Rows;
import app.muster.browser.MusterServerTest;
import app.muster.directory.ClientOrg;
import app.muster.enrollment.CourseEnrollmentStatus;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.LearnerProgress;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.Targeting;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.TrainingOverview;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@MusterServerTest
class XapiStatementsTests {

    static final String COURSE = "phishing-fundamentals";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    LaunchService launchService;

    @Autowired
    LearnerProgress progress;

    @Autowired
    TrainingOverview overview;

    @Autowired
    DatabaseClient db;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    AdminPrincipal admin;
    Assignment assignment;

    @BeforeEach
    void assignACourse() {
        admin = tenants.demoAdmin();
        assignment = assignmentOf(launch(tenants.demoClient("Redwood Credit Partners"), COURSE));
    }

    @Test
    void aCompletedStatementFromACoursePlayerCompletesTheAssignment() throws Exception {
        var response = post(statement("completed.json", assignment));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(status(assignment)).isEqualTo("COMPLETED");
        assertThat(learnersCompleted(assignment)).isEqualTo(1);
    }

    @Test
    void aPassedStatementCompletesTheAssignmentWithItsScore() throws Exception {
        ObjectNode passed = statement("passed.json", assignment);
        passed.putObject("result").put("success", true).putObject("score").put("scaled", 0.85);

        assertThat(post(passed).statusCode()).isEqualTo(200);

        assertThat(status(assignment)).isEqualTo("COMPLETED");
        assertThat(score(assignment)).isEqualTo(85);
    }

    @Test
    void aFailedStatementRecordsTheAttemptOnceHoweverOftenItIsSent() throws Exception {
        ObjectNode failed = statement("failed.json", assignment);

        assertThat(post(failed).statusCode()).isEqualTo(200);
        assertThat(post(failed).statusCode()).isEqualTo(200);

        assertThat(status(assignment)).isEqualTo("IN_PROGRESS");
        assertThat(attempts(assignment)).isEqualTo(1);
    }

    @Test
    void otherCmi5VerbsAreAcceptedAndChangeNothing() throws Exception {
        assertThat(post(statement("initialized.json", assignment)).statusCode()).isEqualTo(200);

        assertThat(status(assignment)).isEqualTo("ASSIGNED");
    }

    @Test
    void refusesAStatementForAnUnknownRegistrationAsAProblem() throws Exception {
        ObjectNode unknown = statement("completed.json", assignment);
        unknown.withObject("/context").put("registration", UUID.randomUUID().toString());

        var response = post(unknown);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("No learner assignment has the registration", "context.registration")
                .doesNotContain("Exception", "at app.muster");
        assertThat(status(assignment)).isEqualTo("ASSIGNED");
    }

    @Test
    void refusesAStatementWhoseActorIsAnotherLearner() throws Exception {
        ObjectNode stranger = statement("completed.json", assignment);
        stranger.putObject("actor").put("objectType", "Agent").put("mbox", "mailto:someone.else@redwood.example");

        var response = post(stranger);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not the learner of registration");
        assertThat(status(assignment)).isEqualTo("ASSIGNED");
    }

    @Test
    void refusesAStatementAboutAnotherCourse() throws Exception {
        ObjectNode otherCourse = statement("completed.json", assignment);
        otherCourse.withObject("/object").put("id", "https://player.example/courses/ransomware");

        var response = post(otherCourse);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("object.id", "/courses/" + COURSE);
    }

    @Test
    void refusesAScoreThatIsNotANumberOrOutOfRange() throws Exception {
        ObjectNode words = statement("passed.json", assignment);
        words.putObject("result").putObject("score").put("raw", "abc").put("max", 10);
        ObjectNode tooHigh = statement("passed.json", assignment);
        tooHigh.putObject("result").putObject("score").put("scaled", 5);

        var refusedWords = post(words);
        var refusedHigh = post(tooHigh);

        assertThat(refusedWords.statusCode()).isEqualTo(400);
        assertThat(refusedWords.body()).contains("result.score.raw must be a number");
        assertThat(refusedHigh.statusCode()).isEqualTo(400);
        assertThat(refusedHigh.body()).contains("between -1 and 1");
        assertThat(status(assignment)).isEqualTo("ASSIGNED");
    }

    @Test
    void refusesMalformedJsonWithoutAStackTrace() throws Exception {
        String malformed =
                new ClassPathResource("cmi5/malformed-initialized.json").getContentAsString(StandardCharsets.UTF_8);

        var response = post(malformed);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void aCourseEnrollmentIsCompletedWhenItsLastLearnerCompletes() {
        ClientOrg harbor = tenants.demoClient("Harbor Point Marina");
        UUID batchId = launch(harbor, "clean-desk");
        List<Long> assignments = db.sql("""
                SELECT a.id
                FROM learner_assignment a
                JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
                WHERE ce.batch_id = :id
                """)
                .bind("id", batchId)
                .map(row -> Rows.count(row, "id"))
                .all()
                .collectList()
                .block();

        assignments.forEach(id -> progress.complete(id, 90).block());
        progress.complete(assignments.getFirst(), 10).block();

        var row = overview.batch(admin.scope(), harbor.id(), batchId)
                .block()
                .courses()
                .getFirst();
        assertThat(row.status()).isEqualTo(CourseEnrollmentStatus.COMPLETED);
        assertThat(row.learnersCompleted()).isEqualTo(assignments.size()).isEqualTo(row.learnersAssigned());
        assertThat(score(new Assignment(assignments.getFirst(), null, null))).isEqualTo(90);
    }

    private UUID launch(ClientOrg client, String courseId) {
        var request = new LaunchRequest(
                UUID.randomUUID(),
                List.of(client.id()),
                List.of(CourseSchedule.immediately(courseId, LocalDate.now().plusDays(30))),
                Targeting.allUsers(),
                Notifications.none());
        return launchService.launch(admin, request).blockFirst().batchId();
    }

    private Assignment assignmentOf(UUID batchId) {
        return db.sql("""
                SELECT a.id, a.registration, u.email
                FROM learner_assignment a
                JOIN org_user u ON u.id = a.user_id
                JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
                WHERE ce.batch_id = :id
                ORDER BY u.email
                """)
                .bind("id", batchId)
                .map(row -> new Assignment(
                        Rows.count(row, "id"), row.get("registration", UUID.class), row.get("email", String.class)))
                .all()
                .blockFirst();
    }

    /** A statement from the cmi5 specification's samples, addressed to our learner, course and registration. */
    private ObjectNode statement(String sample, Assignment to) throws IOException {
        var statement = (ObjectNode) json.readTree(new ClassPathResource("cmi5/" + sample).getInputStream());
        statement.put("id", UUID.randomUUID().toString());
        statement.putObject("actor").put("objectType", "Agent").put("mbox", "mailto:" + to.email());
        statement.withObject("/object").put("id", "https://player.example/courses/" + COURSE);
        statement.withObject("/context").put("registration", to.registration().toString());
        return statement;
    }

    private HttpResponse<String> post(Object body) throws IOException, InterruptedException {
        String text = body instanceof String raw ? raw : json.writeValueAsString(body);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/xapi/statements"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String status(Assignment of) {
        return db.sql("SELECT status FROM learner_assignment WHERE id = :id")
                .bind("id", of.id())
                .map(row -> row.get("status", String.class))
                .one()
                .block();
    }

    private Integer score(Assignment of) {
        return db.sql("SELECT score FROM learner_assignment WHERE id = :id")
                .bind("id", of.id())
                .map(row -> row.get("score", Integer.class))
                .one()
                .block();
    }

    private long attempts(Assignment of) {
        return db.sql("SELECT attempts FROM learner_assignment WHERE id = :id")
                .bind("id", of.id())
                .map(row -> Rows.count(row, "attempts"))
                .one()
                .block();
    }

    private long learnersCompleted(Assignment of) {
        return db.sql("""
                SELECT ce.learners_completed
                FROM course_enrollment ce
                JOIN learner_assignment a ON a.course_enrollment_id = ce.id
                WHERE a.id = :id
                """)
                .bind("id", of.id())
                .map(row -> Rows.count(row, "learners_completed"))
                .one()
                .block();
    }

    private record Assignment(long id, UUID registration, String email) {}
}
