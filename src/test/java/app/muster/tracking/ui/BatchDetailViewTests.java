package app.muster.tracking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.base.ui.NotFoundMessage;
import app.muster.base.ui.PageNotFoundView;
import app.muster.directory.ClientOrg;
import app.muster.enrollment.CourseEnrollmentStatus;
import app.muster.tracking.CourseEnrollmentRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@MusterTest
@WithUserDetails(MusterTest.ADMIN)
class BatchDetailViewTests extends ViewTest {

    static final int STATUS = 0;
    static final int COURSE = 1;
    static final int LEARNERS = 4;
    static final int RETRY = 5;

    @Test
    void showsAnEnrolledRowAndANeedsAccessRowThatSaysWhyAndOffersRetry() {
        ClientOrg acme = tenants().demoClient("Acme Industries");
        UUID batchId = launchTo(acme, "phishing-fundamentals", "hipaa-privacy");

        var view = open(acme, batchId);

        eventually(() -> assertThat(courses(view).size()).isEqualTo(2));
        assertThat(view.batchName.getText())
                .isEqualTo("Phishing Fundamentals and HIPAA Privacy and Security for Staff");
        assertThat(view.clientLink.getText()).isEqualTo("← Acme Industries");
        assertThat(view.batchStatus.getElement().getTextRecursively()).isEqualTo("Has Failures");
        assertThat(view.enrolledCard.valueText()).isEqualTo("1");
        assertThat(view.needsAccessCard.isVisible()).isTrue();
        assertThat(view.needsAccessCard.valueText()).isEqualTo("1");
        assertThat(view.failedCard.valueText()).isEqualTo("0");

        var grid = courses(view);
        int enrolled = rowWith(grid, CourseEnrollmentStatus.ENROLLED);
        assertThat(grid.getCellText(enrolled, STATUS)).isEqualTo("Enrolled");
        assertThat(grid.getCellText(enrolled, COURSE)).isEqualTo("Phishing Fundamentals");
        assertThat(grid.getCellText(enrolled, LEARNERS))
                .isEqualTo(tenants().activeUsers(acme) + " enrolled · 0 completed");
        assertThat(buttonsIn(grid.getCellComponent(enrolled, RETRY))).isEmpty();

        int needsAccess = rowWith(grid, CourseEnrollmentStatus.NEEDS_ACCESS);
        assertThat(grid.getCellText(needsAccess, STATUS)).isEqualTo("Needs Access");
        assertThat(grid.getCellText(needsAccess, COURSE))
                .startsWith("HIPAA Privacy and Security for Staff")
                .contains("Acme Industries does not have", "enabled");
        assertThat(buttonsIn(grid.getCellComponent(needsAccess, RETRY))).contains("Retry");
    }

    @Test
    void retryWithoutAccessSaysTheCourseStillNeedsAccess() {
        ClientOrg acme = tenants().demoClient("Acme Industries");
        UUID batchId = launchTo(acme, "hipaa-privacy");
        var view = open(acme, batchId);
        eventually(() -> assertThat(courses(view).size()).isEqualTo(1));

        test(button(courses(view).getCellComponent(0, RETRY), "Retry")).click();

        eventually(() -> {
            assertThat(find(Notification.class).all())
                    .extracting(notification -> test(notification).getText())
                    .contains("HIPAA Privacy and Security for Staff: Needs Access.");
            assertThat(courses(view).getRow(0).attempts()).isEqualTo(2);
        });
        assertThat(courses(view).getCellText(0, STATUS)).isEqualTo("Needs Access");
    }

    @Test
    void enablingTheCourseFromANeedsAccessRowEnrollsItsLearners() {
        ClientOrg summit = tenants().demoClient("Summit Outdoor Supply");
        UUID batchId = launchTo(summit, "mobile-security");
        var view = open(summit, batchId);
        eventually(() -> assertThat(view.needsAccessCard.isVisible()).isTrue());

        test(button(courses(view).getCellComponent(0, RETRY), "Enable course and retry"))
                .click();

        eventually(() -> assertThat(courses(view).getRow(0).status()).isEqualTo(CourseEnrollmentStatus.ENROLLED));
        assertThat(courses(view).getCellText(0, LEARNERS))
                .isEqualTo(tenants().activeUsers(summit) + " enrolled · 0 completed");
        assertThat(view.needsAccessCard.isVisible()).isFalse();
        assertThat(view.enrolledCard.valueText()).isEqualTo("1");
        assertThat(buttonsIn(courses(view).getCellComponent(0, RETRY))).isEmpty();
    }

    @Test
    void hidesTheNeedsAccessCardWhenNoCourseNeedsAccess() {
        ClientOrg acme = tenants().demoClient("Acme Industries");
        UUID batchId = launchTo(acme, "phishing-fundamentals");

        var view = open(acme, batchId);

        eventually(() -> assertThat(courses(view).size()).isEqualTo(1));
        assertThat(view.enrolledCard.valueText()).isEqualTo("1");
        assertThat(view.needsAccessCard.isVisible()).isFalse();
        assertThat(buttonsIn(courses(view).getCellComponent(0, RETRY))).isEmpty();
    }

    @Test
    @WithAnonymousUser
    void anotherMspsBatchIsNotFoundAndShowsNoneOfItsData() {
        ClientOrg acme = tenants().demoClient("Acme Industries");
        UUID batchId = launchTo(acme, "phishing-fundamentals");
        signInAs(tenants().otherMspAdmin());

        var view = open(acme, batchId);

        eventually(() ->
                assertThat(find(NotFoundMessage.class).from(view).exists()).isTrue());
        assertThat(view.getElement().getTextRecursively())
                .contains("was not found")
                .doesNotContain("Acme", "Phishing");
        assertThat(view.courseGrid.isAttached()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void ourBatchUnderAnotherMspsClientIsNotFound() {
        ClientOrg acme = tenants().demoClient("Acme Industries");
        UUID batchId = launchTo(acme, "phishing-fundamentals");
        var stranger = tenants().otherMspAdmin();
        ClientOrg strangersClient = clientOrgs.list(stranger.scope()).blockFirst();
        signInAs(stranger);

        var view = open(strangersClient, batchId);

        eventually(() ->
                assertThat(find(NotFoundMessage.class).from(view).exists()).isTrue());
        assertThat(view.getElement().getTextRecursively()).doesNotContain("Acme", "Phishing");
    }

    @Test
    void aMalformedBatchIdLeadsToTheNotFoundErrorPage() {
        ClientOrg acme = tenants().demoClient("Acme Industries");

        navigate("msp/training/" + acme.id() + "/not-a-batch-id", PageNotFoundView.class);

        assertThat(find(BatchDetailView.class).exists()).isFalse();
    }

    private UUID launchTo(ClientOrg client, String... courseIds) {
        return launch(tenants().demoAdmin(), List.of(client), courseIds)
                .getFirst()
                .batchId();
    }

    private BatchDetailView open(ClientOrg client, UUID batchId) {
        return navigate("msp/training/" + client.id() + "/" + batchId, BatchDetailView.class);
    }

    private GridTester<?, CourseEnrollmentRow> courses(BatchDetailView view) {
        return test(view.courseGrid);
    }

    private List<String> buttonsIn(Component cell) {
        return find(Button.class).from(cell).all().stream().map(Button::getText).toList();
    }

    private Button button(Component cell, String text) {
        return find(Button.class).from(cell).withText(text).single();
    }

    private static int rowWith(GridTester<?, CourseEnrollmentRow> grid, CourseEnrollmentStatus status) {
        return IntStream.range(0, grid.size())
                .filter(row -> grid.getRow(row).status() == status)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + status.label() + " row in the grid"));
    }
}
