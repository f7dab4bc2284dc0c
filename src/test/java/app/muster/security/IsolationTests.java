package app.muster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.muster.MusterTest;
import app.muster.audit.AuditLog;
import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.base.TenantScope;
import app.muster.catalog.BuiltInLessons;
import app.muster.catalog.CourseLibrary;
import app.muster.catalog.QuizQuestion;
import app.muster.directory.ClientOrgs;
import app.muster.directory.OrgUser;
import app.muster.directory.TrainingState;
import app.muster.directory.UserGroup;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchPreview;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchResult;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.RetryService;
import app.muster.enrollment.Targeting;
import app.muster.enrollment.TrainingChanged;
import app.muster.enrollment.TrainingEvents;
import app.muster.learning.LearnerAssignmentView;
import app.muster.learning.LearnerLinks;
import app.muster.learning.QuizSubmissions;
import app.muster.notification.LearnerEmailScheduler;
import app.muster.notification.MailLog;
import app.muster.security.IsolatedMsp.Client;
import app.muster.security.IsolatedMsp.Fingerprints;
import app.muster.tracking.TrainingOverview;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;

/**
 * What one tenant reaches of another through the services, where every check lives. Two MSPs of their own, "ours"
 * and "theirs", each with two clients (Alder and Birch), users, groups, an org admin per client, a launched batch
 * with an Enrolled and a Needs Access row, mail, an audit trail, an API token and learner links.
 *
 * <p>Each read below is played twice with the same real ids: by whoever may see the data (it must find it) and by an
 * intruder (they get "not found" or nothing, and nothing they get names the other tenant's clients, people, groups,
 * batches or admins). Each change is played by the intruder only: it is refused with "not found" or a refusal, the
 * refusal names nothing of the other tenant, and a snapshot of every row the other MSP has is the same before and
 * after.
 *
 * <table>
 *   <caption>Who intrudes on whom</caption>
 *   <tr><th>intruder</th><th>target</th><th>owner who does see it</th></tr>
 *   <tr><td>theirs' MSP admin</td><td>ours' Alder, and ours as a whole</td><td>ours' MSP admin</td></tr>
 *   <tr><td>ours' Alder org admin</td><td>ours' Birch, and ours' MSP-only data</td><td>ours' MSP admin</td></tr>
 * </table>
 *
 * <p>Learner links: {@code LearnerLinksTests} and {@code LearnerBrowserTests} prove that a link opens its own
 * learner's courses, that another learner's assignment does not open, and that a revoked link opens nothing at once.
 * This class adds that a link can neither complete another learner's assignment nor, once revoked, its own.
 */
@MusterTest
@TestPropertySource(properties = {"muster.mail.enrollment-delay=PT0S", "muster.mail.poll-interval=PT1H"})
@TestInstance(Lifecycle.PER_CLASS)
class IsolationTests {

    @Autowired
    IsolatedTenants tenants;

    @Autowired
    TenantSnapshot snapshot;

    @Autowired
    ClientOrgs clientOrgs;

    @Autowired
    CourseLibrary courseLibrary;

    @Autowired
    TrainingOverview overview;

    @Autowired
    TrainingEvents events;

    @Autowired
    LaunchService launchService;

    @Autowired
    LaunchPreview launchPreview;

    @Autowired
    RetryService retryService;

    @Autowired
    LearnerLinks learnerLinks;

    @Autowired
    QuizSubmissions quizSubmissions;

    @Autowired
    BuiltInLessons lessons;

    @Autowired
    OrgAdmins orgAdmins;

    @Autowired
    MailLog mailLog;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    LearnerEmailScheduler learnerEmails;

    IsolatedMsp ours;
    IsolatedMsp theirs;

    @BeforeAll
    void twoMsps() {
        ours = tenants.msp("Ours");
        theirs = tenants.msp("Theirs");
        learnerEmails.sendDue().block();
    }

    /** How far a read reaches: one client named by its id, or every client within the caller's reach. */
    enum Reach {
        ONE_CLIENT,
        EVERY_CLIENT
    }

    record Read(Reach reach, Function<Scene, Publisher<?>> call) {}

    record Change(Function<Scene, Publisher<?>> call) {}

    Stream<Named<Read>> reads() {
        return Stream.of(
                read("ClientOrgs.list: the clients", Reach.EVERY_CLIENT, s -> clientOrgs.list(scope(s))),
                read(
                        "ClientOrgs.find: the client",
                        Reach.ONE_CLIENT,
                        s -> clientOrgs.find(scope(s), s.target().id())),
                read(
                        "ClientOrgs.groups: its groups",
                        Reach.ONE_CLIENT,
                        s -> clientOrgs.groups(scope(s), s.target().id())),
                read(
                        "ClientOrgs.users: its users",
                        Reach.ONE_CLIENT,
                        s -> clientOrgs.users(scope(s), s.target().id())),
                read(
                        "CourseLibrary.coursesWithAccess: its course access",
                        Reach.ONE_CLIENT,
                        s -> courseLibrary.coursesWithAccess(
                                scope(s), s.target().id())),
                read(
                        "CourseLibrary.accessByOrg: every client's course access",
                        Reach.EVERY_CLIENT,
                        s -> courseLibrary.accessByOrg(scope(s))),
                read("TrainingOverview.dashboard", Reach.EVERY_CLIENT, s -> overview.dashboard(scope(s))),
                read(
                        "TrainingOverview.client: its batches",
                        Reach.ONE_CLIENT,
                        s -> overview.client(scope(s), s.target().id())),
                read(
                        "TrainingOverview.batch: its batch",
                        Reach.ONE_CLIENT,
                        s -> overview.batch(
                                scope(s), s.target().id(), s.target().batchId())),
                read(
                        "TrainingOverview.batch: its batch under the caller's own client",
                        Reach.ONE_CLIENT,
                        s -> overview.batch(scope(s), s.own().id(), s.target().batchId())),
                read(
                        "TrainingOverview.learners: the learners of its course enrollment",
                        Reach.ONE_CLIENT,
                        s -> overview.learners(scope(s), s.target().enrolledRow())),
                read(
                        "LaunchPreview.preview: a launch to it",
                        Reach.ONE_CLIENT,
                        s -> launchPreview.preview(
                                s.caller(),
                                List.of(s.target().id()),
                                List.of(IsolatedTenants.ENABLED_COURSE),
                                Targeting.allUsers())),
                read(
                        "OrgAdmins.list: its org admins",
                        Reach.ONE_CLIENT,
                        s -> orgAdmins.list(s.caller(), s.target().id())),
                read("MailLog.newest: the mail log", Reach.EVERY_CLIENT, s -> mailLog.newest(scope(s))),
                read("AuditLog.latest: the audit log", Reach.EVERY_CLIENT, s -> auditLog.latest(scope(s))),
                read("ApiTokens.list: the API tokens", Reach.EVERY_CLIENT, s -> apiTokens.list(s.caller())));
    }

    /** Changes anyone may try: none of them reaches another tenant. */
    Stream<Named<Change>> changes() {
        return Stream.of(
                change(
                        "LaunchService.launch: to the client",
                        s -> launch(s.caller(), s.target().id(), Targeting.allUsers())),
                change(
                        "LaunchService.launch: to the caller's own client, for the client's groups",
                        s -> launch(s.caller(), s.own().id(), Targeting.groups(groupIds(s.target()), Set.of()))),
                change(
                        "LaunchService.launch: to the caller's own client, leaving out the client's groups",
                        s -> launch(s.caller(), s.own().id(), Targeting.excludeGroups(groupIds(s.target())))),
                change(
                        "LaunchService.launch: to the caller's own client, for the client's users",
                        s -> launch(s.caller(), s.own().id(), Targeting.individualUsers(userIds(s.target())))),
                change(
                        "RetryService.retry: its Needs Access row",
                        s -> retryService.retry(s.caller(), s.target().needsAccessRow())),
                change(
                        "RetryService.enableCourseAndRetry: its Needs Access row",
                        s -> retryService.enableCourseAndRetry(
                                s.caller(), s.target().needsAccessRow())),
                change(
                        "LearnerLinks.issueFor: a link for its learner",
                        s -> learnerLinks.issueFor(s.caller(), firstUser(s.target()))),
                change(
                        "LearnerLinks.revokeFor: its learner's links",
                        s -> learnerLinks.revokeFor(s.caller(), firstUser(s.target()))),
                change(
                        "OrgAdmins.add: an org admin of the client",
                        s -> orgAdmins.add(s.caller(), s.target().id(), freshEmail(), "Intruder")),
                change(
                        "OrgAdmins.remove: the client's org admin",
                        s -> orgAdmins.remove(s.caller(), s.target().id(), orgAdminOf(s.target()))),
                change(
                        "OrgAdmins.remove: the client's org admin, under the caller's own client",
                        s -> orgAdmins.remove(s.caller(), s.own().id(), orgAdminOf(s.target()))),
                change(
                        "OrgAdmins.resetPassword: the client's org admin's",
                        s -> orgAdmins.resetPassword(s.caller(), s.target().id(), orgAdminOf(s.target()))),
                change(
                        "OrgAdmins.resetPassword: the client's org admin's, under the caller's own client",
                        s -> orgAdmins.resetPassword(s.caller(), s.own().id(), orgAdminOf(s.target()))),
                change(
                        "ApiTokens.revoke: the MSP admin's token",
                        s -> apiTokens.revoke(s.caller(), s.targetMsp().apiTokenId())));
    }

    /** Changes named by the caller's MSP id rather than by an admin: only ever called for the caller's own MSP. */
    Stream<Named<Change>> mspChanges() {
        return Stream.concat(
                changes(),
                Stream.of(
                        change(
                                "ClientOrgs.setTrainingState: the client's",
                                s -> clientOrgs.setTrainingState(
                                        s.caller().mspId(), s.target().id(), TrainingState.NOT_CONFIGURED)),
                        change(
                                "CourseLibrary.grantAccess: a course for the client",
                                s -> courseLibrary.grantAccess(
                                        s.caller().mspId(), s.target().id(), IsolatedTenants.DISABLED_COURSE))));
    }

    /** What only an MSP admin may change, tried by an org admin on their own client. */
    Stream<Named<Change>> orgAdminChanges() {
        return Stream.concat(
                changes(),
                Stream.of(
                        change("ApiTokens.create: an API token", s -> apiTokens.create(s.caller(), "org admin script")),
                        change(
                                "OrgAdmins.add: an org admin of their own client",
                                s -> orgAdmins.add(s.caller(), s.own().id(), freshEmail(), "Colleague")),
                        change(
                                "RetryService.enableCourseAndRetry: their own client's Needs Access row",
                                s -> retryService.enableCourseAndRetry(
                                        s.caller(), s.own().needsAccessRow()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void anotherMspsAdminReadsNothingOfOurs(Read read) {
        var owner = new Scene(ours.admin(), ours.first(), ours.first(), ours);
        var intruder = new Scene(theirs.admin(), ours.first(), theirs.first(), ours);

        ownerFinds(read, owner, ours.fingerprints());
        intruderFindsNothing(read, intruder, ours.fingerprints());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mspChanges")
    void anotherMspsAdminChangesNothingOfOurs(Change change) {
        var intruder = new Scene(theirs.admin(), ours.first(), theirs.first(), ours);

        refusedAndNothingChanged(change, intruder, ours.fingerprints());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void anOrgAdminReadsNothingOfAnotherClientOfTheirMsp(Read read) {
        var owner = new Scene(ours.admin(), ours.second(), ours.second(), ours);
        var intruder = new Scene(ours.first().orgAdmin(), ours.second(), ours.first(), ours);

        ownerFinds(read, owner, birchAndTheMspAdmin());
        intruderFindsNothing(read, intruder, birchAndTheMspAdmin());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orgAdminChanges")
    void anOrgAdminChangesNothingOutsideTheirClient(Change change) {
        var intruder = new Scene(ours.first().orgAdmin(), ours.second(), ours.first(), ours);

        refusedAndNothingChanged(change, intruder, birchAndTheMspAdmin());
    }

    @Test
    void anOrgAdminReachesTheirOwnClientAndOnlyIt() {
        AdminPrincipal alderAdmin = ours.first().orgAdmin();

        assertThat(alderAdmin.isOrgAdmin()).isTrue();
        assertThat(clientOrgs.list(alderAdmin.scope()).collectList().block())
                .extracting(org -> org.name())
                .containsExactly(ours.first().name());
        assertThat(overview.dashboard(alderAdmin.scope()).block().clients())
                .extracting(row -> row.name())
                .containsExactly(ours.first().name());
        assertThat(overview.batch(
                                alderAdmin.scope(),
                                ours.first().id(),
                                ours.first().batchId())
                        .block()
                        .courses())
                .hasSize(2);
        assertThat(overview.learners(alderAdmin.scope(), ours.first().enrolledRow())
                        .block())
                .extracting(learner -> learner.email())
                .containsExactlyInAnyOrderElementsOf(
                        ours.first().users().stream().map(OrgUser::email).toList());
    }

    @Test
    void liveChangesReachOnlyThoseWhoMaySeeThem() {
        List<TrainingChanged> mspAdmin = new CopyOnWriteArrayList<>();
        List<TrainingChanged> birchAdmin = new CopyOnWriteArrayList<>();
        List<TrainingChanged> alderAdmin = new CopyOnWriteArrayList<>();
        List<TrainingChanged> otherMsp = new CopyOnWriteArrayList<>();
        List<Disposable> listening = List.of(
                events.changes(ours.admin().scope()).subscribe(mspAdmin::add),
                events.changes(ours.second().orgAdmin().scope()).subscribe(birchAdmin::add),
                events.changes(ours.first().orgAdmin().scope()).subscribe(alderAdmin::add),
                events.changes(theirs.admin().scope()).subscribe(otherMsp::add));
        try {
            retryService.retry(ours.admin(), ours.second().needsAccessRow()).block();

            await().untilAsserted(() -> {
                assertThat(mspAdmin)
                        .extracting(TrainingChanged::batchId)
                        .contains(ours.second().batchId());
                assertThat(birchAdmin)
                        .extracting(TrainingChanged::batchId)
                        .contains(ours.second().batchId());
            });
            assertThat(alderAdmin).isEmpty();
            assertThat(otherMsp).isEmpty();
        } finally {
            listening.forEach(Disposable::dispose);
        }
    }

    @Test
    void aLearnerLinkCompletesNoOtherLearnersAssignment() {
        String alderToken = ours.first().learnerToken();
        List<Long> own = assignmentIds(alderToken);
        List<Long> others = List.of(
                assignmentOf(ours.first().users().get(1)),
                assignmentOf(ours.second().users().getFirst()),
                assignmentOf(theirs.first().users().getFirst()));
        var oursBefore = snapshot.of(ours.mspId());
        var theirsBefore = snapshot.of(theirs.mspId());

        assertThat(own).hasSize(1).doesNotContainAnyElementsOf(others);
        for (long other : others) {
            assertThat(Seen.of(learnerLinks.assignment(alderToken, other)).error())
                    .as("assignment %d opened with another learner's link", other)
                    .isInstanceOf(NotFound.class);
            assertThat(Seen.of(quizSubmissions.submit(alderToken, other, rightAnswers()))
                            .error())
                    .as("assignment %d completed with another learner's link", other)
                    .isInstanceOf(NotFound.class);
        }
        assertThat(snapshot.of(ours.mspId())).isEqualTo(oursBefore);
        assertThat(snapshot.of(theirs.mspId())).isEqualTo(theirsBefore);
    }

    @Test
    void aRevokedLinkCompletesNothingAtOnce() {
        UUID learner = ours.second().users().get(2).id();
        String token = learnerLinks.issueFor(ours.admin(), learner).block();
        long assignment = assignmentIds(token).getFirst();

        learnerLinks.revokeFor(ours.admin(), learner).block();
        var before = snapshot.of(ours.mspId());

        assertThat(Seen.of(learnerLinks.assignments(token)).error()).isInstanceOf(NotFound.class);
        assertThat(Seen.of(quizSubmissions.submit(token, assignment, rightAnswers()))
                        .error())
                .isInstanceOf(NotFound.class);
        assertThat(snapshot.of(ours.mspId())).isEqualTo(before);
    }

    private void ownerFinds(Read read, Scene owner, Fingerprints prints) {
        Seen seen = Seen.of(read.call().apply(owner));

        assertThat(seen.error()).as("what the owner gets").isNull();
        if (read.reach() == Reach.ONE_CLIENT) {
            assertThat(seen.nothing()).as("the owner finds it").isFalse();
        } else {
            assertThat(prints.foundIn(seen.text()))
                    .as("the owner sees the target")
                    .isNotEmpty();
        }
    }

    private void intruderFindsNothing(Read read, Scene intruder, Fingerprints prints) {
        Seen seen = Seen.of(read.call().apply(intruder));

        if (seen.error() != null) {
            assertThat(seen.error()).as("what the intruder gets").isInstanceOf(NotFound.class);
            return;
        }
        if (read.reach() == Reach.ONE_CLIENT) {
            assertThat(seen.items()).as("what the intruder gets").allMatch(Seen::empty);
        }
        assertThat(prints.foundIn(seen.text())).as("what the intruder sees").isEmpty();
    }

    private void refusedAndNothingChanged(Change change, Scene intruder, Fingerprints prints) {
        var before = snapshot.of(intruder.targetMsp().mspId());

        Seen seen = Seen.of(change.call().apply(intruder));

        if (seen.error() != null) {
            assertThat(seen.error()).as("the refusal").isInstanceOfAny(NotFound.class, Refusal.class);
        } else {
            assertThat(seen.items())
                    .as("a launch's results")
                    .isNotEmpty()
                    .allSatisfy(item -> assertThat(item)
                            .isInstanceOfSatisfying(
                                    LaunchResult.class,
                                    result -> assertThat(result.succeeded()).isFalse()));
        }
        assertThat(prints.textsFoundIn(seen.text()))
                .as("what the refusal tells")
                .isEmpty();
        assertThat(snapshot.of(intruder.targetMsp().mspId()))
                .as("the target MSP's data")
                .isEqualTo(before);
    }

    private Fingerprints birchAndTheMspAdmin() {
        return ours.second()
                .fingerprints()
                .and(new Fingerprints(
                        List.of(ours.admin().getUsername(), ours.apiTokenName()),
                        List.of(ours.admin().adminId(), ours.apiTokenId())));
    }

    private static TenantScope scope(Scene scene) {
        return scene.caller().scope();
    }

    private Publisher<LaunchResult> launch(AdminPrincipal caller, UUID orgId, Targeting targeting) {
        var request = new LaunchRequest(
                UUID.randomUUID(),
                List.of(orgId),
                List.of(CourseSchedule.immediately(
                        IsolatedTenants.ENABLED_COURSE, LocalDate.now().plusDays(30))),
                targeting,
                Notifications.none());
        return launchService.launch(caller, request);
    }

    private List<Long> assignmentIds(String token) {
        return learnerLinks.assignments(token).block().stream()
                .map(LearnerAssignmentView::assignmentId)
                .toList();
    }

    private long assignmentOf(OrgUser user) {
        String token = learnerLinks.issue(user.id()).block();
        return assignmentIds(token).getFirst();
    }

    private List<Integer> rightAnswers() {
        return lessons.forCourse(IsolatedTenants.ENABLED_COURSE).orElseThrow().questions().stream()
                .map(QuizQuestion::answer)
                .toList();
    }

    private static Set<UUID> groupIds(Client client) {
        return client.groups().stream().map(UserGroup::id).collect(Collectors.toSet());
    }

    private static Set<UUID> userIds(Client client) {
        return client.users().stream().map(OrgUser::id).collect(Collectors.toSet());
    }

    private static UUID orgAdminOf(Client client) {
        return client.orgAdmin().adminId();
    }

    private static UUID firstUser(Client client) {
        return client.users().getFirst().id();
    }

    private static String freshEmail() {
        return "intruder-" + UUID.randomUUID().toString().substring(0, 8) + "@intruder.example";
    }

    private static Named<Read> read(String what, Reach reach, Function<Scene, Publisher<?>> call) {
        return Named.of(what, new Read(reach, call));
    }

    private static Named<Change> change(String what, Function<Scene, Publisher<?>> call) {
        return Named.of(what, new Change(call));
    }
}
