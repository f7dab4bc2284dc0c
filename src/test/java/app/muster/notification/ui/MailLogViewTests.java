package app.muster.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.directory.ClientOrg;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.Targeting;
import app.muster.notification.LearnerEmailScheduler;
import app.muster.notification.MailLog;
import app.muster.notification.MailLogEntry;
import app.muster.security.AdminPrincipal;
import com.vaadin.flow.component.grid.GridTester;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.TestPropertySource;

@MusterTest
@WithUserDetails(MusterTest.ADMIN)
@TestPropertySource(properties = {"muster.mail.enrollment-delay=PT0S", "muster.mail.poll-interval=PT1H"})
class MailLogViewTests extends ViewTest {

    static final int CLIENT = 1;
    static final int TO = 2;
    static final int SUBJECT = 3;

    @Autowired
    LearnerEmailScheduler learnerEmails;

    @Autowired
    MailLog mailLog;

    @Test
    void showsTheLoggedEmailsNewestFirst() {
        ClientOrg harbor = tenants().demoClient("Harbor Point Marina");
        ClientOrg aurora = tenants().demoClient("Aurora Nonprofit Alliance");
        launchWithEnrollmentEmail(harbor, "phishing-fundamentals");
        learnerEmails.sendDue().block();
        launchWithEnrollmentEmail(aurora, "mfa-basics", "passphrases");
        learnerEmails.sendDue().block();

        var view = navigate(MailLogView.class);

        int expected = (int) (tenants().activeUsers(harbor) + tenants().activeUsers(aurora));
        eventually(() -> assertThat(messages(view).size()).isGreaterThanOrEqualTo(expected));
        var grid = messages(view);
        assertThat(grid.getCellText(0, CLIENT)).isEqualTo("Aurora Nonprofit Alliance");
        assertThat(grid.getCellText(0, SUBJECT)).isEqualTo("New security training: 2 courses");
        assertThat(grid.getCellText(expected - 1, CLIENT)).isEqualTo("Harbor Point Marina");
        assertThat(grid.getCellText(expected - 1, TO)).endsWith("@harbor.example");
        assertThat(grid.getRow(0).preview()).startsWith("Hello ").endsWith("…");
        assertThat(grid.getRow(0).body())
                .contains(
                        "Multi-Factor Authentication Basics",
                        "Passphrases and Password Managers",
                        "http://localhost:8080/learn/");
    }

    @Test
    void showsAnEmailLoggedWhileThePageIsOpen() {
        ClientOrg tidewater = tenants().demoClient("Tidewater Title & Escrow");
        int before = mailLog.newest(tenants().demoAdmin().scope()).block().size();
        var view = navigate(MailLogView.class);
        eventually(() -> assertThat(messages(view).size()).isEqualTo(before));

        launchWithEnrollmentEmail(tidewater, "tailgating");
        learnerEmails.sendDue().block();

        eventually(() -> assertThat(messages(view).size())
                .isEqualTo(before + (int) tenants().activeUsers(tidewater)));
        assertThat(messages(view).getCellText(0, CLIENT)).isEqualTo("Tidewater Title & Escrow");
    }

    @Test
    @WithAnonymousUser
    void showsAnotherMspNoneOfTheseMessages() {
        AdminPrincipal otherAdmin = tenants().otherMspAdmin();
        launchWithEnrollmentEmail(tenants().demoClient("Juniper Architecture"), "clean-desk");
        learnerEmails.sendDue().block();
        signInAs(otherAdmin);

        var view = navigate(MailLogView.class);

        assertThat(mailLog.newest(tenants().demoAdmin().scope()).block()).isNotEmpty();
        assertThat(mailLog.newest(otherAdmin.scope()).block()).isEmpty();
        applyQueuedUpdates();
        assertThat(messages(view).size()).isZero();
        assertThat(view.messageGrid.getEmptyStateText()).startsWith("No emails logged yet");
    }

    private void launchWithEnrollmentEmail(ClientOrg client, String... courseIds) {
        List<CourseSchedule> courses = List.of(courseIds).stream()
                .map(id -> CourseSchedule.immediately(id, LocalDate.now().plusDays(30)))
                .toList();
        var request = new LaunchRequest(
                UUID.randomUUID(), List.of(client.id()), courses, Targeting.allUsers(), new Notifications(true, false));
        launchService.launch(tenants().demoAdmin(), request).blockLast();
    }

    private GridTester<?, MailLogEntry> messages(MailLogView view) {
        return test(view.messageGrid);
    }
}
