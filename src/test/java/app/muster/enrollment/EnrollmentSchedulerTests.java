package app.muster.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.MutableClock;
import app.muster.TestTenants;
import app.muster.directory.ClientOrg;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.CourseEnrollmentRow;
import app.muster.tracking.TrainingOverview;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@MusterTest
@Import(EnrollmentSchedulerTests.TestClock.class)
@TestPropertySource(properties = "muster.scheduler.poll-interval=PT1H")
class EnrollmentSchedulerTests {

    static final Instant LAUNCH_DAY = Instant.parse("2027-03-10T12:00:00Z");

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(LAUNCH_DAY);
        }
    }

    @Autowired
    TestTenants tenants;

    @Autowired
    MutableClock clock;

    @Autowired
    LaunchService launchService;

    @Autowired
    EnrollmentScheduler scheduler;

    @Autowired
    TrainingOverview overview;

    @Autowired
    TrainingEvents events;

    @Autowired
    Environment environment;

    @Autowired
    DatabaseClient db;

    AdminPrincipal admin;

    @BeforeEach
    void launchDay() {
        clock.set(LAUNCH_DAY);
        admin = tenants.demoAdmin();
    }

    @Test
    void firesAtTheStartOfTheEnrollDayInEachClientsTimeZoneAcrossDaylightSavingChanges() {
        ClientOrg sydney = tenants.demoClient("Uluru Tours Pty Ltd");
        ClientOrg denver = tenants.demoClient("Delta Freight Logistics");
        LocalDate usClocksSpringForward = LocalDate.of(2027, 3, 14);
        LocalDate dayAfterSydneyFallsBack = LocalDate.of(2027, 4, 5);
        var sydneyBatch = launch(
                sydney, schedule("vishing", usClocksSpringForward), schedule("mfa-fatigue", dayAfterSydneyFallsBack));
        var denverBatch = launch(denver, schedule("vishing", usClocksSpringForward));

        fireAt("2027-03-13T12:59:59Z");
        assertThat(status(sydneyBatch, "vishing")).isEqualTo(CourseEnrollmentStatus.SCHEDULED);

        fireAt("2027-03-13T13:00:00Z");
        assertThat(status(sydneyBatch, "vishing")).isEqualTo(CourseEnrollmentStatus.ENROLLED);
        assertThat(status(denverBatch, "vishing")).isEqualTo(CourseEnrollmentStatus.SCHEDULED);

        fireAt("2027-03-14T06:59:59Z");
        assertThat(status(denverBatch, "vishing")).isEqualTo(CourseEnrollmentStatus.SCHEDULED);

        fireAt("2027-03-14T07:00:00Z");
        assertThat(status(denverBatch, "vishing")).isEqualTo(CourseEnrollmentStatus.ENROLLED);

        fireAt("2027-04-04T13:59:59Z");
        assertThat(status(sydneyBatch, "mfa-fatigue")).isEqualTo(CourseEnrollmentStatus.SCHEDULED);

        fireAt("2027-04-04T14:00:00Z");
        assertThat(status(sydneyBatch, "mfa-fatigue")).isEqualTo(CourseEnrollmentStatus.ENROLLED);
    }

    @Test
    void firesOnTheNextPollWhatWasMissedWhileMusterWasDown() {
        ClientOrg orchard = tenants.demoClient("Orchard Veterinary Hospital");
        var batch = launch(orchard, schedule("software-updates", LocalDate.of(2027, 3, 20)));

        fireAt("2027-03-26T09:00:00Z");

        CourseEnrollmentRow row = row(batch, "software-updates");
        assertThat(row.status()).isEqualTo(CourseEnrollmentStatus.ENROLLED);
        assertThat(row.learnersAssigned()).isEqualTo((int) tenants.activeUsers(orchard));
        assertThat(row.attempts()).isEqualTo(1);
    }

    @Test
    void twoEngineInstancesOnOneDatabaseFireEachCourseEnrollmentOnce() {
        var clients = List.of(
                        "Evergreen Family Clinic",
                        "Juniper Architecture",
                        "Meridian Accounting",
                        "Northstar Realty",
                        "Quayside Insurance Brokers",
                        "Redwood Credit Partners")
                .stream()
                .map(tenants::demoClient)
                .toList();
        var batches = clients.stream()
                .map(client -> launch(
                        client,
                        schedule("passphrases", LocalDate.of(2027, 3, 22)),
                        schedule("incident-reporting", LocalDate.of(2027, 3, 22))))
                .toList();
        EnrollmentScheduler secondInstance = secondEngineOnTheSameDatabase();
        clock.set(Instant.parse("2027-03-23T12:00:00Z"));

        Flux.merge(
                        scheduler.fireDue().subscribeOn(Schedulers.boundedElastic()),
                        secondInstance.fireDue().subscribeOn(Schedulers.boundedElastic()))
                .blockLast();

        for (int i = 0; i < clients.size(); i++) {
            for (CourseEnrollmentRow row : overview.batch(
                            admin.scope(), clients.get(i).id(), batches.get(i))
                    .block()
                    .courses()) {
                assertThat(row.status()).isEqualTo(CourseEnrollmentStatus.ENROLLED);
                assertThat(row.attempts()).as("times fired").isEqualTo(1);
                assertThat(row.learnersAssigned()).isEqualTo((int) tenants.activeUsers(clients.get(i)));
            }
        }
    }

    private EnrollmentScheduler secondEngineOnTheSameDatabase() {
        var options = ConnectionFactoryOptions.parse(environment.getProperty("spring.r2dbc.url"))
                .mutate()
                .option(ConnectionFactoryOptions.USER, environment.getProperty("spring.r2dbc.username", "sa"))
                .option(ConnectionFactoryOptions.PASSWORD, environment.getProperty("spring.r2dbc.password", ""))
                .build();
        var connections = ConnectionFactories.get(options);
        var otherDb = DatabaseClient.create(connections);
        var otherTransactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        var firing = new CourseEnrollmentFiring(
                otherDb, otherTransactions, events, new TrainingTotalsKeeper(otherDb), clock);
        return new EnrollmentScheduler(otherDb, firing, clock, java.time.Duration.ofHours(1));
    }

    private UUID launch(ClientOrg client, CourseSchedule... schedules) {
        var request = new LaunchRequest(
                UUID.randomUUID(),
                List.of(client.id()),
                List.of(schedules),
                Targeting.allUsers(),
                Notifications.none());
        return launchService.launch(admin, request).blockFirst().batchId();
    }

    private static CourseSchedule schedule(String courseId, LocalDate enrollOn) {
        return new CourseSchedule(courseId, enrollOn, enrollOn.plusDays(30));
    }

    private void fireAt(String instant) {
        clock.set(Instant.parse(instant));
        scheduler.fireDue().block();
    }

    private CourseEnrollmentStatus status(UUID batchId, String courseId) {
        return row(batchId, courseId).status();
    }

    private CourseEnrollmentRow row(UUID batchId, String courseId) {
        return overview.batch(admin.scope(), orgOf(batchId), batchId).block().courses().stream()
                .filter(row -> row.courseId().equals(courseId))
                .findFirst()
                .orElseThrow();
    }

    private UUID orgOf(UUID batchId) {
        return db.sql("SELECT org_id FROM enrollment_batch WHERE id = :id")
                .bind("id", batchId)
                .map(row -> row.get("org_id", UUID.class))
                .one()
                .block();
    }
}
