package app.muster.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.muster.MusterTest;
import app.muster.TestTenants;
import app.muster.base.NotFound;
import app.muster.directory.ClientOrg;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.Targeting;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.TrainingOverview;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MusterTest
class LearnerLinksTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    LearnerLinks links;

    @Autowired
    LaunchService launchService;

    @Autowired
    TrainingOverview overview;

    AdminPrincipal admin;
    ClientOrg cedar;
    UUID courseEnrollment;

    @BeforeEach
    void launch() {
        admin = tenants.demoAdmin();
        cedar = tenants.demoClient("Cedar Ridge Law LLP");
        var request = new LaunchRequest(
                UUID.randomUUID(),
                List.of(cedar.id()),
                List.of(CourseSchedule.immediately(
                        "data-handling", LocalDate.now().plusDays(20))),
                Targeting.allUsers(),
                Notifications.none());
        UUID batchId = launchService.launch(admin, request).blockFirst().batchId();
        courseEnrollment = overview.batch(admin.scope(), cedar.id(), batchId)
                .block()
                .courses()
                .getFirst()
                .id();
    }

    @Test
    void aLinkOpensItsOwnLearnersCoursesOnly() {
        var learner = overview.learners(admin.scope(), courseEnrollment).block().getFirst();

        String token = links.issueFor(admin, learner.userId()).block();

        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(links.learner(token).block().userId()).isEqualTo(learner.userId());
        assertThat(links.assignments(token).block())
                .extracting(LearnerAssignmentView::courseId)
                .contains("data-handling");
        assertThat(tenants.count(
                        "SELECT COUNT(*) AS n FROM learner_link WHERE user_id = :id AND token_hash = '" + token + "'",
                        learner.userId()))
                .as("the token itself is never stored")
                .isZero();
    }

    @Test
    void aRevokedLinkStopsWorkingAtOnce() {
        var learner = overview.learners(admin.scope(), courseEnrollment).block().getFirst();
        String token = links.issueFor(admin, learner.userId()).block();

        links.revokeFor(admin, learner.userId()).block();

        assertThatThrownBy(() -> links.learner(token).block()).isInstanceOf(NotFound.class);
    }

    @Test
    void anotherMspNeitherSeesTheLearnersNorGetsTheirLinks() {
        AdminPrincipal stranger = tenants.otherMspAdmin();
        var learner = overview.learners(admin.scope(), courseEnrollment).block().getFirst();

        assertThat(overview.learners(stranger.scope(), courseEnrollment).block())
                .isEmpty();
        assertThatThrownBy(() -> links.issueFor(stranger, learner.userId()).block())
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> links.revokeFor(stranger, learner.userId()).block())
                .isInstanceOf(NotFound.class);
    }
}
