package app.muster.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.muster.MusterTest;
import app.muster.TestTenants;
import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.base.Rows;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.directory.UserGroup;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.BatchDetail;
import app.muster.tracking.CourseEnrollmentRow;
import app.muster.tracking.TrainingOverview;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@MusterTest
class LaunchServiceTests {

    static final LocalDate FAR_DUE = LocalDate.now().plusDays(60);

    @Autowired
    TestTenants tenants;

    @Autowired
    LaunchService launchService;

    @Autowired
    TrainingOverview overview;

    @Autowired
    LaunchPreview launchPreview;

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
    void createsOneBatchPerClientAndAssignsEachClientsActiveUsers() {
        var clients = List.of(
                tenants.demoClient("Acme Industries"),
                tenants.demoClient("Bayside Dental Group"),
                tenants.demoClient("Cedar Ridge Law LLP"));

        var results = launch(clients, "phishing-fundamentals", "mfa-basics");

        assertThat(results).hasSize(3).allMatch(LaunchResult::succeeded);
        for (ClientOrg client : clients) {
            BatchDetail batch = batchOf(results, client);
            assertThat(batch.courses())
                    .extracting(CourseEnrollmentRow::status)
                    .containsOnly(CourseEnrollmentStatus.ENROLLED);
            assertThat(batch.courses())
                    .extracting(CourseEnrollmentRow::learnersAssigned)
                    .containsOnly((int) tenants.activeUsers(client));
        }
    }

    @Test
    void marksACourseTheClientLacksAsNeedsAccessAndSaysWhy() {
        ClientOrg acme = tenants.demoClient("Acme Industries");

        var results = launch(List.of(acme), "hipaa-privacy", "smishing");

        BatchDetail batch = batchOf(results, acme);
        CourseEnrollmentRow hipaa = row(batch, "hipaa-privacy");
        assertThat(hipaa.status()).isEqualTo(CourseEnrollmentStatus.NEEDS_ACCESS);
        assertThat(hipaa.learnersAssigned()).isZero();
        assertThat(hipaa.lastError()).contains("Acme Industries does not have", "enabled");
        assertThat(row(batch, "smishing").status()).isEqualTo(CourseEnrollmentStatus.ENROLLED);
        assertThat(batch.status()).isEqualTo(BatchStatus.HAS_FAILURES);
    }

    @Test
    void neverAssignsSuspendedUsers() {
        ClientOrg acme = tenants.demoClient("Acme Industries");

        var results = launch(List.of(acme), "usb-media");

        UUID courseEnrollment = row(batchOf(results, acme), "usb-media").id();
        assertThat(tenants.count("""
                SELECT COUNT(*) AS n
                FROM learner_assignment a
                JOIN org_user u ON u.id = a.user_id
                WHERE a.course_enrollment_id = :id
                  AND u.status = 'SUSPENDED'
                """, courseEnrollment)).isZero();
    }

    @Test
    void refusesANotConfiguredClientWhileTheOthersSucceed() {
        ClientOrg acme = tenants.demoClient("Acme Industries");
        ClientOrg beacon = tenants.demoClient("Beacon Hill Bakery");

        var results = launch(List.of(acme, beacon), "clean-desk");

        assertThat(resultOf(results, acme).succeeded()).isTrue();
        assertThat(resultOf(results, beacon).succeeded()).isFalse();
        assertThat(resultOf(results, beacon).error()).contains("Beacon Hill Bakery", "Not configured");
        assertThat(tenants.batches(beacon)).isZero();
    }

    @Test
    void aReplayedSubmissionCreatesNoSecondBatch() {
        ClientOrg fjord = tenants.demoClient("Fjord Consulting AS");
        var request = request(List.of(fjord), Targeting.allUsers(), "tailgating");
        long before = tenants.batches(fjord);

        var first = launchService.launch(admin, request).collectList().block();
        var replay = launchService.launch(admin, request).collectList().block();

        assertThat(tenants.batches(fjord)).isEqualTo(before + 1);
        assertThat(replay.getFirst().batchId()).isEqualTo(first.getFirst().batchId());
        assertThat(tenants.count(
                        "SELECT COUNT(*) AS n FROM audit_event WHERE detail LIKE '%' || :id || '%'",
                        request.submissionId()))
                .as("the launch is audited once")
                .isEqualTo(1);
    }

    @Test
    void twoLaunchesOfTheSameSubmissionAtOnceCreateOneBatchPerClient() {
        var clients = List.of(
                tenants.demoClient("Granite State Credit Union"),
                tenants.demoClient("Harbor Point Marina"),
                tenants.demoClient("Iberia Tapas Group"));
        var request = request(clients, Targeting.allUsers(), "home-wifi", "travel-security");
        var before = clients.stream().map(tenants::batches).toList();

        var results = Flux.merge(
                        launchService.launch(admin, request).subscribeOn(Schedulers.boundedElastic()),
                        launchService.launch(admin, request).subscribeOn(Schedulers.boundedElastic()))
                .collectList()
                .block();

        assertThat(results).hasSize(6).allMatch(LaunchResult::succeeded);
        for (int i = 0; i < clients.size(); i++) {
            ClientOrg client = clients.get(i);
            assertThat(tenants.batches(client)).as(client.name()).isEqualTo(before.get(i) + 1);
            assertThat(results)
                    .filteredOn(result -> result.orgId().equals(client.id()))
                    .extracting(LaunchResult::batchId)
                    .hasSize(2)
                    .containsOnly(batchOf(results, client).batchId());
        }
    }

    @Test
    void targetsIncludedGroupsLeavingOutExcludedMembers() {
        ClientOrg acme = tenants.demoClient("Acme Industries");
        UserGroup legal = group(acme, "Legal");
        UserGroup managers = group(acme, "Managers");

        var results = launchService
                .launch(
                        admin,
                        request(
                                List.of(acme),
                                Targeting.groups(Set.of(legal.id()), Set.of(managers.id())),
                                "social-media"))
                .collectList()
                .block();

        long expected = tenants.count("""
                SELECT COUNT(*) AS n
                FROM org_user u
                WHERE u.status = 'ACTIVE'
                  AND EXISTS (SELECT 1 FROM group_membership m WHERE m.user_id = u.id AND m.group_id = :id)
                """, legal.id()) - tenants.count("""
                SELECT COUNT(*) AS n
                FROM org_user u
                JOIN group_membership legal ON legal.user_id = u.id
                JOIN group_membership managers ON managers.user_id = u.id
                JOIN user_group lg ON lg.id = legal.group_id AND lg.name = 'Legal'
                JOIN user_group mg ON mg.id = managers.group_id AND mg.name = 'Managers'
                WHERE u.status = 'ACTIVE'
                  AND u.org_id = :id
                """, acme.id());
        assertThat(expected).isPositive();
        assertThat(row(batchOf(results, acme), "social-media").learnersAssigned())
                .isEqualTo((int) expected);
    }

    @Test
    void previewCountsTheLearnersTheLaunchThenAssigns() {
        ClientOrg granite = tenants.demoClient("Granite State Credit Union");
        var groups =
                clientOrgs.groups(admin.scope(), granite.id()).collectList().block();
        var targeting = Targeting.groups(
                Set.of(groups.get(0).id(), groups.get(1).id()),
                Set.of(groups.get(2).id()));

        var preview = launchPreview
                .preview(admin, List.of(granite.id()), List.of("deepfake-fraud", "hipaa-privacy"), targeting)
                .blockFirst();
        var results = launchService
                .launch(admin, request(List.of(granite), targeting, "deepfake-fraud"))
                .collectList()
                .block();

        assertThat(preview.learners()).isPositive();
        assertThat(preview.needsAccess()).containsExactly("hipaa-privacy");
        assertThat(row(batchOf(results, granite), "deepfake-fraud").learnersAssigned())
                .isEqualTo((int) preview.learners());
    }

    @Test
    void dashboardTotalsAgreeWithACountOfEveryCourseEnrollment() {
        launch(
                List.of(tenants.demoClient("Zenith Home Health"), tenants.demoClient("Willow Creek Pharmacy")),
                "pci-dss",
                "gdpr-essentials");

        for (var client : overview.dashboard(admin.scope()).block().clients()) {
            var counted = db.sql("""
                    SELECT COUNT(ce.id) AS courses,
                           SUM(CASE WHEN ce.status = 'SCHEDULED' THEN 1 ELSE 0 END) AS scheduled,
                           SUM(CASE WHEN ce.status IN ('FAILED', 'PARTIAL', 'NEEDS_ACCESS', 'ACCESS_DENIED')
                                    THEN 1 ELSE 0 END) AS failed,
                           SUM(ce.learners_assigned) AS learners
                    FROM course_enrollment ce
                    JOIN enrollment_batch b ON b.id = ce.batch_id
                    WHERE b.org_id = :id
                    """)
                    .bind("id", client.orgId())
                    .map(row -> List.of(
                            Rows.count(row, "courses"),
                            Rows.count(row, "scheduled"),
                            Rows.count(row, "failed"),
                            Rows.count(row, "learners")))
                    .one()
                    .block();
            assertThat(List.of(
                            client.totals().courseEnrollments(),
                            client.totals().scheduled(),
                            client.totals().failed(),
                            client.totals().learnerAssignments()))
                    .as(client.name())
                    .isEqualTo(counted);
            assertThat(client.batches())
                    .isEqualTo(tenants.count(
                            "SELECT COUNT(*) AS n FROM enrollment_batch WHERE org_id = :id", client.orgId()));
        }
    }

    @Test
    void refusesAWholeLaunchThatBreaksARuleAndWritesNothing() {
        var acme = tenants.demoClient("Acme Industries");
        var bayside = tenants.demoClient("Bayside Dental Group");
        List<UUID> tooMany =
                IntStream.range(0, 26).mapToObj(i -> UUID.randomUUID()).toList();
        long launches = tenants.count("SELECT COUNT(*) AS n FROM launch");
        long batches = tenants.count("SELECT COUNT(*) AS n FROM enrollment_batch");

        assertRefused(
                new LaunchRequest(
                        UUID.randomUUID(),
                        List.of(),
                        schedules("clean-desk"),
                        Targeting.allUsers(),
                        Notifications.none()),
                "Choose at least one client");
        assertRefused(
                new LaunchRequest(
                        UUID.randomUUID(),
                        tooMany,
                        schedules("clean-desk"),
                        Targeting.allUsers(),
                        Notifications.none()),
                "at most 25 clients");
        assertRefused(request(List.of(acme), Targeting.allUsers()), "Choose at least one course");
        assertRefused(
                request(List.of(acme, bayside), Targeting.excludeGroups(Set.of(UUID.randomUUID())), "clean-desk"),
                "With more than one client, targeting is All users");
        assertRefused(request(List.of(acme), Targeting.allUsers(), "no-such-course"), "no-such-course");
        assertRefused(
                new LaunchRequest(
                        UUID.randomUUID(),
                        List.of(acme.id()),
                        List.of(new CourseSchedule("clean-desk", FAR_DUE, FAR_DUE.minusDays(1))),
                        Targeting.allUsers(),
                        Notifications.none()),
                "Due by");

        assertThat(tenants.count("SELECT COUNT(*) AS n FROM launch")).isEqualTo(launches);
        assertThat(tenants.count("SELECT COUNT(*) AS n FROM enrollment_batch")).isEqualTo(batches);
    }

    @Test
    void anotherMspCanNeitherLaunchToNorReadOurClients() {
        ClientOrg acme = tenants.demoClient("Acme Industries");
        AdminPrincipal stranger = tenants.otherMspAdmin();
        long before = tenants.batches(acme);

        var results = launchService
                .launch(stranger, request(List.of(acme), Targeting.allUsers(), "clean-desk"))
                .collectList()
                .block();

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.succeeded()).isFalse();
            assertThat(result.error()).contains("not one of your clients");
            assertThat(result.orgName()).doesNotContain("Acme");
        });
        assertThat(tenants.batches(acme)).isEqualTo(before);
        assertThatThrownBy(() -> overview.client(stranger.scope(), acme.id()).block())
                .isInstanceOf(NotFound.class);
        assertThat(overview.dashboard(stranger.scope()).block().clients())
                .extracting(row -> row.name())
                .doesNotContain("Acme Industries");
    }

    private void assertRefused(LaunchRequest request, String message) {
        assertThatThrownBy(
                        () -> launchService.launch(admin, request).collectList().block())
                .isInstanceOf(Refusal.class)
                .hasMessageContaining(message);
    }

    private List<LaunchResult> launch(List<ClientOrg> clients, String... courseIds) {
        return launchService
                .launch(admin, request(clients, Targeting.allUsers(), courseIds))
                .collectList()
                .block();
    }

    private static LaunchRequest request(List<ClientOrg> clients, Targeting targeting, String... courseIds) {
        return new LaunchRequest(
                UUID.randomUUID(),
                clients.stream().map(ClientOrg::id).toList(),
                schedules(courseIds),
                targeting,
                Notifications.none());
    }

    private static List<CourseSchedule> schedules(String... courseIds) {
        return java.util.Arrays.stream(courseIds)
                .map(id -> CourseSchedule.immediately(id, FAR_DUE))
                .toList();
    }

    private LaunchResult resultOf(List<LaunchResult> results, ClientOrg client) {
        return results.stream()
                .filter(result -> result.orgId().equals(client.id()))
                .findFirst()
                .orElseThrow();
    }

    private BatchDetail batchOf(List<LaunchResult> results, ClientOrg client) {
        return overview.batch(
                        admin.scope(), client.id(), resultOf(results, client).batchId())
                .block();
    }

    private static CourseEnrollmentRow row(BatchDetail batch, String courseId) {
        return batch.courses().stream()
                .filter(row -> row.courseId().equals(courseId))
                .findFirst()
                .orElseThrow();
    }

    private UserGroup group(ClientOrg org, String name) {
        return clientOrgs
                .groups(admin.scope(), org.id())
                .filter(group -> group.name().equals(name))
                .blockFirst();
    }
}
