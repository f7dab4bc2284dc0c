package app.muster.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.muster.MusterTest;
import app.muster.TestTenants;
import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.directory.TrainingState;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.CourseEnrollmentRow;
import app.muster.tracking.TrainingOverview;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@MusterTest
class RetryServiceTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    RetryService retryService;

    @Autowired
    LaunchService launchService;

    @Autowired
    CourseEnrollmentFiring firing;

    @Autowired
    TrainingOverview overview;

    @Autowired
    ClientOrgs clientOrgs;

    @Autowired
    DatabaseClient db;

    AdminPrincipal admin;

    @BeforeEach
    void signIn() {
        admin = tenants.demoAdmin();
    }

    @Test
    void aNeedsAccessRowStaysSoOnRetryUntilTheCourseIsEnabledThenAssignsEveryoneOnce() {
        ClientOrg xenon = tenants.demoClient("Xenon Labs");
        UUID batchId = launch(xenon, null, "pci-dss");
        UUID row = row(xenon, batchId).id();

        assertThat(retryService.retry(admin, row).block()).isEqualTo(CourseEnrollmentStatus.NEEDS_ACCESS);
        Flux.merge(
                        retryService.enableCourseAndRetry(admin, row).subscribeOn(Schedulers.boundedElastic()),
                        retryService
                                .enableCourseAndRetry(admin, row)
                                .subscribeOn(Schedulers.boundedElastic())
                                .onErrorResume(Refusal.class, alreadyEnrolled -> Mono.empty()))
                .blockLast();

        CourseEnrollmentRow after = row(xenon, batchId);
        assertThat(after.status()).isEqualTo(CourseEnrollmentStatus.ENROLLED);
        assertThat(after.learnersAssigned()).isEqualTo((int) tenants.activeUsers(xenon));
        assertThat(after.attempts())
                .as("the first firing, one retry, then the enabling retry")
                .isEqualTo(3);
        assertThat(after.lastError()).isNull();
        assertThat(tenants.count("SELECT COUNT(*) AS n FROM learner_assignment WHERE course_enrollment_id = :id", row))
                .isEqualTo(tenants.activeUsers(xenon));
    }

    @Test
    void aCourseFiringAfterTrainingAccessWasRevokedIsAccessDeniedAndCanBeRetriedOnceRestored() {
        ClientOrg juniper = tenants.demoClient("Juniper Architecture");
        UUID batchId = launch(juniper, LocalDate.now().plusDays(5), "home-wifi");
        UUID row = row(juniper, batchId).id();

        clientOrgs
                .setTrainingState(admin.mspId(), juniper.id(), TrainingState.NOT_CONFIGURED)
                .block();
        firing.fire(row).block();
        CourseEnrollmentRow denied = row(juniper, batchId);
        clientOrgs
                .setTrainingState(admin.mspId(), juniper.id(), TrainingState.READY)
                .block();
        CourseEnrollmentStatus retried = retryService.retry(admin, row).block();

        assertThat(denied.status()).isEqualTo(CourseEnrollmentStatus.ACCESS_DENIED);
        assertThat(denied.lastError()).contains("training access for Juniper Architecture was revoked");
        assertThat(retried).isEqualTo(CourseEnrollmentStatus.ENROLLED);
        assertThat(row(juniper, batchId).learnersAssigned()).isEqualTo((int) tenants.activeUsers(juniper));
    }

    @Test
    void aCourseIsPartialWhenSomeChosenUsersCannotBeAssignedAndRetryAssignsThemOnceBack() {
        ClientOrg meridian = tenants.demoClient("Meridian Accounting");
        List<UUID> chosen = db.sql("""
                SELECT id FROM org_user WHERE org_id = :id AND status = 'ACTIVE' ORDER BY email_key LIMIT 5
                """)
                .bind("id", meridian.id())
                .map(found -> found.get("id", UUID.class))
                .all()
                .collectList()
                .block();
        var request = new LaunchRequest(
                UUID.randomUUID(),
                List.of(meridian.id()),
                List.of(new CourseSchedule(
                        "wire-fraud-finance",
                        LocalDate.now().plusDays(3),
                        LocalDate.now().plusDays(40))),
                Targeting.individualUsers(Set.copyOf(chosen)),
                Notifications.none());
        UUID batchId = launchService.launch(admin, request).blockFirst().batchId();
        UUID row = row(meridian, batchId).id();

        setStatus(chosen.subList(0, 2), "SUSPENDED");
        firing.fire(row).block();
        CourseEnrollmentRow partial = row(meridian, batchId);
        setStatus(chosen.subList(0, 2), "ACTIVE");
        retryService.retry(admin, row).block();
        CourseEnrollmentRow retried = row(meridian, batchId);

        assertThat(partial.status()).isEqualTo(CourseEnrollmentStatus.PARTIAL);
        assertThat(partial.learnersAssigned()).isEqualTo(3);
        assertThat(partial.lastError()).contains("2 of the 5 chosen users could not be assigned");
        assertThat(retried.status()).isEqualTo(CourseEnrollmentStatus.ENROLLED);
        assertThat(retried.learnersAssigned()).isEqualTo(5);
        assertThat(tenants.count("SELECT COUNT(*) AS n FROM learner_assignment WHERE course_enrollment_id = :id", row))
                .isEqualTo(5);
    }

    @Test
    void aRetryOfARowThatAlreadySucceededChangesNothing() {
        ClientOrg aurora = tenants.demoClient("Aurora Nonprofit Alliance");
        UUID row = row(aurora, launch(aurora, null, "clean-desk")).id();

        assertThat(retryService.retry(admin, row).block()).isEqualTo(CourseEnrollmentStatus.ENROLLED);
        assertThat(row(aurora, batchOf(row)).attempts()).isEqualTo(1);
    }

    @Test
    void refusesToRetryARowThatHasNotEnrolledYet() {
        ClientOrg aurora = tenants.demoClient("Aurora Nonprofit Alliance");
        UUID row = row(aurora, launch(aurora, LocalDate.now().plusDays(9), "tailgating"))
                .id();

        assertThatThrownBy(() -> retryService.retry(admin, row).block())
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("has not enrolled yet");
    }

    @Test
    void anotherMspCannotRetryOurRows() {
        ClientOrg acme = tenants.demoClient("Acme Industries");
        UUID row = row(acme, launch(acme, null, "pci-dss")).id();
        AdminPrincipal stranger = tenants.otherMspAdmin();

        assertThatThrownBy(
                        () -> retryService.enableCourseAndRetry(stranger, row).block())
                .isInstanceOf(NotFound.class);
        assertThat(row(acme, batchOf(row)).status()).isEqualTo(CourseEnrollmentStatus.NEEDS_ACCESS);
    }

    private void setStatus(List<UUID> users, String status) {
        db.sql("UPDATE org_user SET status = :status WHERE id IN (:ids)")
                .bind("status", status)
                .bind("ids", users)
                .then()
                .block();
    }

    private UUID launch(ClientOrg client, LocalDate enrollOn, String courseId) {
        LocalDate due = LocalDate.now().plusDays(40);
        var request = new LaunchRequest(
                UUID.randomUUID(),
                List.of(client.id()),
                List.of(new CourseSchedule(courseId, enrollOn, due)),
                Targeting.allUsers(),
                Notifications.none());
        return launchService.launch(admin, request).blockFirst().batchId();
    }

    private CourseEnrollmentRow row(ClientOrg client, UUID batchId) {
        return overview.batch(admin.scope(), client.id(), batchId)
                .block()
                .courses()
                .getFirst();
    }

    private UUID batchOf(UUID courseEnrollmentId) {
        return db.sql("SELECT batch_id FROM course_enrollment WHERE id = :id")
                .bind("id", courseEnrollmentId)
                .map(found -> found.get("batch_id", UUID.class))
                .one()
                .block();
    }
}
