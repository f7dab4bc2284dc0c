package app.muster;

import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchResult;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.Targeting;
import app.muster.msp.Msps;
import app.muster.security.AdminAccounts;
import app.muster.security.AdminPrincipal;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A page test without a browser: the whole application behind a simulated UI. Pages load their data in the background
 * and apply it through {@code ui.access}, so assertions on what a page shows go through {@link #eventually}.
 */
public abstract class ViewTest extends SpringBrowserlessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final LocalDate FAR_DUE = LocalDate.now().plusDays(60);

    @Autowired
    protected AdminAccounts accounts;

    @Autowired
    protected Msps msps;

    @Autowired
    protected ClientOrgs clientOrgs;

    @Autowired
    protected DatabaseClient db;

    @Autowired
    protected LaunchService launchService;

    @Autowired
    private ObjectProvider<SecurityContextHolderStrategy> securityContextHolderStrategy;

    /**
     * Opens the page environment as the user that the test's security annotation signed in. The annotation signs in
     * through this application context's strategy, while pages read the JVM-wide one, which belongs to whichever
     * application context started last: with other test contexts in the same JVM, the two differ.
     */
    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        SecurityContextHolder.setContext(annotatedSignIn().getContext());
        super.initVaadinEnvironment();
    }

    /**
     * Closes the page environment as a closed browser tab would: the open page is detached first, which ends its live
     * updates (the simulated environment alone would leave them running into later tests). Then signs out, so that no
     * later test inherits this test's user.
     */
    @AfterEach
    @Override
    protected void cleanVaadinEnvironment() {
        var ui = UI.getCurrent();
        if (ui != null) {
            ui.removeAll();
        }
        super.cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
    }

    protected TestTenants tenants() {
        return new TestTenants(accounts, msps, clientOrgs, db);
    }

    /** Applies the page updates queued by background work, then asserts, until the assertion holds. */
    protected static void eventually(ThrowingRunnable assertion) {
        Awaitility.await().atMost(PATIENCE).pollInSameThread().untilAsserted(() -> {
            applyQueuedUpdates();
            assertion.run();
        });
    }

    /**
     * Runs the work that background threads handed to {@code ui.access}, as a push would, then a round trip. The test
     * thread holds the session lock throughout, and {@link #roundTrip()} alone leaves that queue untouched.
     */
    protected static void applyQueuedUpdates() {
        var session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    /**
     * Signs in as the given admin for the pages opened next. Pages already open keep the admin they were made for, and
     * opening the page that is already shown keeps it too, so a test that signs in here starts signed out
     * ({@code @WithAnonymousUser}), on the sign-in page.
     */
    protected void signInAs(AdminPrincipal admin) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        annotatedSignIn().setContext(context);
        SecurityContextHolder.setContext(context);
    }

    /** A new MSP without any client org, and its admin. */
    protected AdminPrincipal emptyMspAdmin() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID mspId = msps.create("Empty MSP " + suffix).block();
        String username = "admin-" + suffix + "@empty-msp.example";
        accounts.create(mspId, username, "Empty MSP admin", "empty-password-" + suffix)
                .block();
        return accounts.find(username).block();
    }

    /** Launches the courses to the clients at once for all their users, as a fresh submission without emails. */
    protected List<LaunchResult> launch(AdminPrincipal admin, List<ClientOrg> clients, String... courseIds) {
        var courses = Arrays.stream(courseIds)
                .map(id -> CourseSchedule.immediately(id, FAR_DUE))
                .toList();
        var request = new LaunchRequest(
                UUID.randomUUID(),
                clients.stream().map(ClientOrg::id).toList(),
                courses,
                Targeting.allUsers(),
                Notifications.none());
        return launchService.launch(admin, request).collectList().block();
    }

    private SecurityContextHolderStrategy annotatedSignIn() {
        return securityContextHolderStrategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }
}
