package app.muster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.muster.MusterTest;
import app.muster.TestTenants;
import app.muster.audit.AuditLog;
import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.Targeting;
import app.muster.security.OrgAdmins.NewOrgAdmin;
import app.muster.security.OrgAdmins.OrgAdmin;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@MusterTest
class OrgAdminsTests {

    static final String ORG_ADMINS_OF_ORG = "SELECT COUNT(*) AS n FROM portal_admin WHERE client_org_id = :id";
    static final String ALL_ADMINS = "SELECT COUNT(*) AS n FROM portal_admin";

    @Autowired
    TestTenants tenants;

    @Autowired
    OrgAdmins orgAdmins;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    ClientOrgs clientOrgs;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    DatabaseClient db;

    @Autowired
    LaunchService launchService;

    @Autowired
    SignInAttempts signInAttempts;

    @Autowired
    AuditLog auditLog;

    AdminPrincipal admin;
    ClientOrg acme;

    @BeforeEach
    void signIn() {
        admin = tenants.demoAdmin();
        acme = tenants.demoClient("Acme Industries");
    }

    @Test
    void addsAnOrgAdminOfTheClientWhoseGeneratedPasswordIsStoredOnlyHashed() {
        String email = uniqueEmail("dana");

        NewOrgAdmin added = orgAdmins
                .add(admin, acme.id(), "  " + email.toUpperCase() + " ", " Dana Reyes ")
                .block();

        assertThat(added.admin().email()).isEqualTo(email);
        assertThat(added.admin().displayName()).isEqualTo("Dana Reyes");
        assertThat(added.password()).hasSizeGreaterThanOrEqualTo(AdminAccounts.SHORTEST_PASSWORD);
        AdminPrincipal signedIn = accounts.find(email).block();
        assertThat(signedIn.isOrgAdmin()).isTrue();
        assertThat(signedIn.scope().clientOrgId()).isEqualTo(acme.id());
        assertThat(signedIn.mspId()).isEqualTo(admin.mspId());
        assertThat(signedIn.getPassword()).doesNotContain(added.password());
        assertThat(passwordEncoder.matches(added.password(), signedIn.getPassword()))
                .isTrue();
    }

    @Test
    void listsTheClientsOwnOrgAdminsByName() {
        ClientOrg bayside = tenants.demoClient("Bayside Dental Group");
        String zoe = uniqueEmail("zoe");
        String adam = uniqueEmail("adam");
        orgAdmins.add(admin, bayside.id(), zoe, "Zoe Park").block();
        orgAdmins.add(admin, bayside.id(), adam, "Adam Cole").block();
        orgAdmins.add(admin, acme.id(), uniqueEmail("acme"), "Aaron Acme").block();

        List<OrgAdmin> listed = orgAdmins.list(admin, bayside.id()).block();

        assertThat(listed)
                .extracting(OrgAdmin::displayName, OrgAdmin::email)
                .containsSubsequence(tuple("Adam Cole", adam), tuple("Zoe Park", zoe));
        assertThat(listed).extracting(OrgAdmin::displayName).doesNotContain("Aaron Acme");
    }

    @Test
    void refusesAnEmailThatAnAdminOfAnotherMspAlreadyUses() {
        AdminPrincipal otherAdmin = tenants.otherMspAdmin();
        ClientOrg otherClient = clientOrgs.list(otherAdmin.scope()).blockFirst();
        String email = uniqueEmail("shared");
        orgAdmins.add(otherAdmin, otherClient.id(), email, "Their Admin").block();
        long before = tenants.count(ALL_ADMINS);

        assertRefused(() -> orgAdmins.add(admin, acme.id(), email.toUpperCase(), "Our Admin"), "email", email);
        assertRefused(
                () -> orgAdmins.add(admin, acme.id(), otherAdmin.getUsername(), "Our Admin"),
                "email",
                otherAdmin.getUsername());

        assertThat(tenants.count(ALL_ADMINS)).isEqualTo(before);
        assertThat(orgAdmins.list(admin, acme.id()).block())
                .extracting(OrgAdmin::email)
                .doesNotContain(email, otherAdmin.getUsername());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "not-an-email | Dana Reyes | email",
                "dana@nowhere | Dana Reyes | email",
                "two@at@client.example | Dana Reyes | email",
                "'' | Dana Reyes | email",
                "NULL | Dana Reyes | email",
                "dana@client.example | '   ' | name",
                "dana@client.example | NULL | name"
            })
    void badInputIsRefusedOnItsFieldAndAddsNothing(String email, String name, String field) {
        long before = tenants.count(ORG_ADMINS_OF_ORG, acme.id());

        assertThatThrownBy(() -> orgAdmins.add(admin, acme.id(), email, name).block())
                .isInstanceOfSatisfying(
                        Refusal.class, refusal -> assertThat(refusal.field()).isEqualTo(field));

        assertThat(tenants.count(ORG_ADMINS_OF_ORG, acme.id())).isEqualTo(before);
    }

    @Test
    void anOrgAdminCannotAddOrgAdminsEvenToTheirOwnClient() {
        String email = uniqueEmail("first");
        orgAdmins.add(admin, acme.id(), email, "First Admin").block();
        AdminPrincipal orgAdmin = accounts.find(email).block();
        long before = tenants.count(ALL_ADMINS);

        assertRefused(
                () -> orgAdmins.add(orgAdmin, acme.id(), uniqueEmail("second"), "Second Admin"),
                "admin",
                "Only an MSP admin can add org admins.");

        assertThat(tenants.count(ALL_ADMINS)).isEqualTo(before);
    }

    @Test
    void anOrgAdminListsTheirOwnClientOnly() {
        String email = uniqueEmail("own");
        orgAdmins.add(admin, acme.id(), email, "Own Admin").block();
        AdminPrincipal orgAdmin = accounts.find(email).block();
        ClientOrg bayside = tenants.demoClient("Bayside Dental Group");

        assertThat(orgAdmins.list(orgAdmin, acme.id()).block())
                .extracting(OrgAdmin::email)
                .contains(email);
        assertThatThrownBy(() -> orgAdmins.list(orgAdmin, bayside.id()).block()).isInstanceOf(NotFound.class);
    }

    @Test
    void anotherMspsClientIsNotFoundAndGetsNoAdmin() {
        AdminPrincipal otherAdmin = tenants.otherMspAdmin();
        long before = tenants.count(ORG_ADMINS_OF_ORG, acme.id());
        String email = uniqueEmail("intruder");

        assertThatThrownBy(() ->
                        orgAdmins.add(otherAdmin, acme.id(), email, "Intruder").block())
                .isInstanceOf(NotFound.class)
                .hasMessage("Client org " + acme.id() + " was not found.");
        assertThatThrownBy(() -> orgAdmins
                        .add(admin, UUID.randomUUID(), email, "Nobody's Admin")
                        .block())
                .isInstanceOf(NotFound.class);

        assertThat(tenants.count(ORG_ADMINS_OF_ORG, acme.id())).isEqualTo(before);
        assertThat(accounts.find(email).blockOptional()).isEmpty();
        assertThat(orgAdmins.list(otherAdmin, acme.id()).block()).isEmpty();
    }

    @Test
    void twoAddsOfOneEmailAtOnceAddOneAdmin() {
        String email = uniqueEmail("twice");
        long before = tenants.count(ALL_ADMINS);

        List<String> outcomes = Flux.merge(attempt(email, "First Click"), attempt(email, "Second Click"))
                .collectList()
                .block();

        assertThat(outcomes).containsExactlyInAnyOrder("added", "email");
        assertThat(tenants.count(ALL_ADMINS)).isEqualTo(before + 1);
    }

    private Mono<String> attempt(String email, String name) {
        return orgAdmins
                .add(admin, acme.id(), email, name)
                .map(added -> "added")
                .onErrorResume(Refusal.class, refusal -> Mono.just(refusal.field()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Test
    void aRemovedOrgAdminCannotSignInTheirSessionEndsAndTheirEmailCanBeGivenAgain() {
        String email = uniqueEmail("leaver");
        var added = orgAdmins.add(admin, acme.id(), email, "Leaving Soon").block();
        AdminPrincipal signedIn = accounts.find(email).block();
        assertThat(accounts.sessionStands(signedIn).block()).isTrue();

        orgAdmins.remove(admin, acme.id(), added.admin().id()).block();

        assertThat(accounts.find(email).blockOptional()).as("sign-in lookup").isEmpty();
        assertThat(accounts.sessionStands(signedIn).block())
                .as("open session stands")
                .isFalse();
        assertThat(orgAdmins.list(admin, acme.id()).block())
                .extracting(OrgAdmins.OrgAdmin::email)
                .doesNotContain(email);
        var again = orgAdmins.add(admin, acme.id(), email, "Back Again").block();
        assertThat(accounts.find(email).block().adminId())
                .isEqualTo(again.admin().id());
    }

    @Test
    void aRemovedOrgAdminsPageStillOpenChangesNothing() {
        String email = uniqueEmail("gone");
        var added = orgAdmins.add(admin, acme.id(), email, "Gone Already").block();
        AdminPrincipal stillOpen = accounts.find(email).block();
        orgAdmins.remove(admin, acme.id(), added.admin().id()).block();
        long batchesBefore = batchesOf(acme);
        var request = new LaunchRequest(
                UUID.randomUUID(),
                List.of(acme.id()),
                List.of(CourseSchedule.immediately("clean-desk", LocalDate.now().plusDays(30))),
                Targeting.allUsers(),
                Notifications.none());

        assertThatThrownBy(() -> launchService.launch(stillOpen, request).blockLast())
                .isInstanceOf(Refusal.class)
                .hasMessage("Your account was removed, so this change was not made.");
        assertThatThrownBy(() -> auditLog.record(stillOpen, "Retry", "anything").block())
                .isInstanceOf(Refusal.class);
        assertThat(batchesOf(acme)).isEqualTo(batchesBefore);
    }

    private long batchesOf(ClientOrg client) {
        return tenants.count("SELECT COUNT(*) AS n FROM enrollment_batch WHERE org_id = :id", client.id());
    }

    @Test
    void aNewPasswordLiftsAPauseOnSigningIn() {
        String email = uniqueEmail("locked");
        var added = orgAdmins.add(admin, acme.id(), email, "Locked Out").block();
        for (int failure = 0; failure < SignInAttempts.ALLOWED_FAILURES; failure++) {
            signInAttempts.failed(email, "203.0.113.9");
        }
        assertThat(signInAttempts.blocked(email, "203.0.113.9")).isTrue();

        orgAdmins.resetPassword(admin, acme.id(), added.admin().id()).block();

        assertThat(signInAttempts.blocked(email, "203.0.113.9")).isFalse();
    }

    @Test
    void aNewPasswordReplacesTheOldOneAndEndsOpenSessions() {
        String email = uniqueEmail("forgetful");
        var added = orgAdmins.add(admin, acme.id(), email, "Forgetful").block();
        AdminPrincipal before = accounts.find(email).block();

        String password =
                orgAdmins.resetPassword(admin, acme.id(), added.admin().id()).block();

        assertThat(password).isNotEqualTo(added.password());
        assertThat(accounts.sessionStands(before).block())
                .as("session from before")
                .isFalse();
        AdminPrincipal after = accounts.find(email).block();
        assertThat(accounts.sessionStands(after).block())
                .as("session signed in after")
                .isTrue();
        String hash = db.sql("SELECT password_hash FROM portal_admin WHERE id = :id")
                .bind("id", added.admin().id())
                .map(row -> row.get("password_hash", String.class))
                .one()
                .block();
        assertThat(passwordEncoder.matches(password, hash)).isTrue();
        assertThat(passwordEncoder.matches(added.password(), hash)).isFalse();
    }

    @Test
    void onlyTheirOwnMspsAdminsRemoveOrResetAnOrgAdmin() {
        String email = uniqueEmail("kept");
        var added = orgAdmins.add(admin, acme.id(), email, "Kept").block();
        UUID id = added.admin().id();
        AdminPrincipal stranger = tenants.otherMspAdmin();
        AdminPrincipal orgAdmin = accounts.find(email).block();

        assertThatThrownBy(() -> orgAdmins.remove(stranger, acme.id(), id).block())
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(
                        () -> orgAdmins.resetPassword(stranger, acme.id(), id).block())
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> orgAdmins.remove(orgAdmin, acme.id(), id).block())
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> orgAdmins
                        .remove(
                                admin,
                                tenants.demoClient("Bayside Dental Group").id(),
                                id)
                        .block())
                .as("the admin under another client of the MSP")
                .isInstanceOf(NotFound.class);

        assertThat(accounts.sessionStands(orgAdmin).block()).as("untouched").isTrue();
    }

    private static void assertRefused(Supplier<Mono<?>> add, String field, String messagePart) {
        assertThatThrownBy(() -> add.get().block()).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.getMessage()).contains(messagePart);
        });
    }

    private static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
    }
}
