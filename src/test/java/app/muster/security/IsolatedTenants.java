package app.muster.security;

import app.muster.catalog.CourseLibrary;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.directory.DirectoryExport;
import app.muster.directory.DirectoryFormat;
import app.muster.directory.DirectoryImport;
import app.muster.directory.DirectoryPerson;
import app.muster.directory.GroupMembership;
import app.muster.directory.TrainingState;
import app.muster.enrollment.CourseEnrollmentStatus;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchResult;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.Targeting;
import app.muster.learning.LearnerLinks;
import app.muster.msp.Msps;
import app.muster.security.IsolatedMsp.Client;
import app.muster.tracking.CourseEnrollmentRow;
import app.muster.tracking.TrainingOverview;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Builds MSPs of their own for the isolation suite, each through the same services its admins use, and leaves the
 * demo MSP alone (other tests count its clients and totals).
 */
@Component
class IsolatedTenants {

    /** A course every client of these MSPs may use, so its row is Enrolled. */
    public static final String ENABLED_COURSE = "phishing-fundamentals";

    /** A course no client of these MSPs may use, so its row is Needs Access. */
    public static final String DISABLED_COURSE = "hipaa-privacy";

    private final Msps msps;
    private final AdminAccounts accounts;
    private final ClientOrgs clientOrgs;
    private final DirectoryImport directoryImport;
    private final CourseLibrary courseLibrary;
    private final OrgAdmins orgAdmins;
    private final LaunchService launchService;
    private final TrainingOverview overview;
    private final ApiTokens apiTokens;
    private final LearnerLinks learnerLinks;

    IsolatedTenants(
            Msps msps,
            AdminAccounts accounts,
            ClientOrgs clientOrgs,
            DirectoryImport directoryImport,
            CourseLibrary courseLibrary,
            OrgAdmins orgAdmins,
            LaunchService launchService,
            TrainingOverview overview,
            ApiTokens apiTokens,
            LearnerLinks learnerLinks) {
        this.msps = msps;
        this.accounts = accounts;
        this.clientOrgs = clientOrgs;
        this.directoryImport = directoryImport;
        this.courseLibrary = courseLibrary;
        this.orgAdmins = orgAdmins;
        this.launchService = launchService;
        this.overview = overview;
        this.apiTokens = apiTokens;
        this.learnerLinks = learnerLinks;
    }

    /** An MSP whose clients, groups and people carry its label and a random mark, so each is unmistakably its own. */
    IsolatedMsp msp(String label) {
        String mark = mark();
        return msp(
                label + " MSP " + mark,
                List.of(label + " Alder " + mark, label + " Birch " + mark),
                client -> List.of(client + " Front Desk", client + " Back Office"));
    }

    /** An MSP with clients named as given, each with the groups named for it. */
    IsolatedMsp msp(String mspName, List<String> clientNames, Function<String, List<String>> groupNames) {
        String mark = mark();
        UUID mspId = msps.create(mspName).block();
        String username = "admin-" + mark + "@msp.example";
        String password = "isolation-" + mark;
        accounts.create(mspId, username, "MSP admin", password).block();
        AdminPrincipal admin = accounts.find(username).block();

        List<ClientOrg> orgs = clientNames.stream()
                .map(clientName -> provision(admin, clientName, groupNames.apply(clientName)))
                .toList();
        Map<UUID, UUID> batches = launch(admin, orgs);
        String tokenName = "isolation " + mark;
        String token = apiTokens.create(admin, tokenName).block();
        UUID tokenId = apiTokens.list(admin).block().getFirst().id();
        List<Client> clients = orgs.stream()
                .map(org -> client(admin, org, batches.get(org.id())))
                .toList();
        return new IsolatedMsp(
                mspId, mspName, admin, password, token, tokenId, tokenName, clients.getFirst(), clients.getLast());
    }

    /** A Ready client with three active users in two groups, that may use {@link #ENABLED_COURSE} only. */
    private ClientOrg provision(AdminPrincipal admin, String clientName, List<String> groupNames) {
        ClientOrg org = clientOrgs
                .create(admin.mspId(), clientName, ZoneId.of("Europe/Berlin"), TrainingState.READY)
                .block();
        String mark = mark();
        String domain = mark + ".example";
        List<DirectoryPerson> people = List.of(
                new DirectoryPerson("ava@" + domain, "Ava", "Moreau-" + mark, "Front", null, false),
                new DirectoryPerson("ben@" + domain, "Ben", "Okafor-" + mark, "Front", null, false),
                new DirectoryPerson("cleo@" + domain, "Cleo", "Lindqvist-" + mark, "Back", null, false));
        List<GroupMembership> memberships = List.of(
                new GroupMembership(groupNames.getFirst(), "ava@" + domain),
                new GroupMembership(groupNames.getFirst(), "ben@" + domain),
                new GroupMembership(groupNames.getLast(), "cleo@" + domain));
        directoryImport
                .importInto(
                        org, new DirectoryExport("people.csv", DirectoryFormat.OKTA, people, List.of()), memberships)
                .block();
        courseLibrary.grantAccess(admin.mspId(), org.id(), ENABLED_COURSE).block();
        return org;
    }

    /** One launch to every client, with the enrollment email on, so that the mail log has messages to show. */
    private Map<UUID, UUID> launch(AdminPrincipal admin, List<ClientOrg> orgs) {
        LocalDate dueBy = LocalDate.now().plusDays(30);
        var request = new LaunchRequest(
                UUID.randomUUID(),
                orgs.stream().map(ClientOrg::id).toList(),
                List.of(
                        CourseSchedule.immediately(ENABLED_COURSE, dueBy),
                        CourseSchedule.immediately(DISABLED_COURSE, dueBy)),
                Targeting.allUsers(),
                new Notifications(true, false));
        List<LaunchResult> results =
                launchService.launch(admin, request).collectList().block();
        if (results.stream().anyMatch(result -> !result.succeeded())) {
            throw new IllegalStateException("The isolation suite's launch was refused: " + results);
        }
        return results.stream().collect(Collectors.toMap(LaunchResult::orgId, LaunchResult::batchId));
    }

    private Client client(AdminPrincipal admin, ClientOrg org, UUID batchId) {
        var rows = overview.batch(admin.scope(), org.id(), batchId).block().courses().stream()
                .collect(Collectors.toMap(CourseEnrollmentRow::status, Function.identity()));
        var users = clientOrgs.users(admin.scope(), org.id()).collectList().block();
        var groups = clientOrgs.groups(admin.scope(), org.id()).collectList().block();
        String orgAdminEmail = "org-admin-" + mark() + "@client.example";
        var added = orgAdmins.add(admin, org.id(), orgAdminEmail, "Org admin").block();
        return new Client(
                org,
                users,
                groups,
                batchId,
                rows.get(CourseEnrollmentStatus.ENROLLED).id(),
                rows.get(CourseEnrollmentStatus.NEEDS_ACCESS).id(),
                accounts.find(orgAdminEmail).block(),
                added.password(),
                learnerLinks.issueFor(admin, users.getFirst().id()).block());
    }

    private static String mark() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
