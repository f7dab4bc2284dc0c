package app.muster.tracking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.directory.ClientOrg;
import app.muster.enrollment.ui.EnrollmentWizardView;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.ClientTrainingRow;
import app.muster.tracking.TrainingOverview;
import app.muster.tracking.TrainingTotals;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@MusterTest
@WithUserDetails(MusterTest.ADMIN)
class TrainingDashboardViewTests extends ViewTest {

    static final int CLIENT = 0;
    static final int TRAINING = 1;
    static final int BATCHES = 2;
    static final int COURSES = 3;
    static final int STATUS = 4;

    @Autowired
    TrainingOverview overview;

    @Test
    void listsEveryClientOfTheMspWithNotConfiguredBadgesOnExactlyThree() {
        var view = navigate(TrainingDashboardView.class);

        eventually(() -> assertThat(clients(view).size()).isEqualTo(30));
        var grid = clients(view);
        var notConfigured = IntStream.range(0, grid.size())
                .filter(row -> grid.getCellText(row, TRAINING).equals("Not configured"))
                .mapToObj(row -> grid.getCellText(row, CLIENT))
                .toList();
        assertThat(notConfigured)
                .containsExactlyInAnyOrder("Beacon Hill Bakery", "Cobalt Mining Services", "Driftwood Hotel & Spa");
        assertThat(IntStream.range(0, grid.size()).mapToObj(row -> grid.getCellText(row, TRAINING)))
                .filteredOn(text -> !text.equals("Not configured"))
                .hasSize(27)
                .containsOnly("Ready");
    }

    @Test
    void cardsShowTheTotalsOverEveryClient() {
        var view = navigate(TrainingDashboardView.class);

        eventually(() -> assertThat(clients(view).size()).isEqualTo(30));
        TrainingTotals totals =
                overview.dashboard(tenants().demoAdmin().scope()).block().totals();
        assertThat(view.totalCard.valueText()).isEqualTo(String.format("%,d", totals.courseEnrollments()));
        assertThat(view.completedCard.valueText()).isEqualTo(String.format("%,d", totals.completed()));
        assertThat(view.scheduledCard.valueText()).isEqualTo(String.format("%,d", totals.scheduled()));
        var grid = clients(view);
        long coursesInRows = IntStream.range(0, grid.size())
                .mapToLong(row -> Long.parseLong(grid.getCellText(row, COURSES)))
                .sum();
        assertThat(coursesInRows).isEqualTo(totals.courseEnrollments());
    }

    @Test
    void aClientWithNoActivityShowsPending() {
        var view = navigate(TrainingDashboardView.class);

        eventually(() -> assertThat(clients(view).size()).isEqualTo(30));
        var grid = clients(view);
        int driftwood = rowOf(grid, "Driftwood Hotel & Spa");
        assertThat(grid.getCellText(driftwood, COURSES)).isEqualTo("0");
        assertThat(grid.getCellText(driftwood, STATUS)).isEqualTo("Pending");
    }

    @Test
    void aLaunchUpdatesTheCardsAndTheClientRowWhileThePageIsOpen() {
        AdminPrincipal admin = tenants().demoAdmin();
        ClientOrg juniper = tenants().demoClient("Juniper Architecture");
        var view = navigate(TrainingDashboardView.class);
        eventually(() -> assertThat(clients(view).size()).isEqualTo(30));
        long totalBefore = cardValue(view.totalCard.valueText());
        var before = clients(view).getRow(rowOf(clients(view), juniper.name()));

        launch(admin, List.of(juniper), "phishing-fundamentals", "mfa-basics");

        eventually(() -> assertThat(cardValue(view.totalCard.valueText())).isEqualTo(totalBefore + 2));
        var grid = clients(view);
        int row = rowOf(grid, juniper.name());
        assertThat(grid.getCellText(row, BATCHES)).isEqualTo(String.valueOf(before.batches() + 1));
        assertThat(grid.getCellText(row, COURSES))
                .isEqualTo(String.valueOf(before.totals().courseEnrollments() + 2));
        assertThat(grid.getCellText(row, STATUS)).isNotEqualTo("Pending").contains("completed", "scheduled");
    }

    @Test
    @WithAnonymousUser
    void anMspWithoutClientsShowsTheEmptyStateAndZeroCards() {
        signInAs(emptyMspAdmin());

        var view = navigate(TrainingDashboardView.class);

        eventually(() -> assertThat(view.totalCard.valueText()).isEqualTo("0"));
        assertThat(view.completedCard.valueText()).isEqualTo("0");
        assertThat(view.scheduledCard.valueText()).isEqualTo("0");
        assertThat(clients(view).size()).isZero();
        assertThat(view.clientGrid.getEmptyStateText()).startsWith("No client organizations yet");
    }

    @Test
    @WithAnonymousUser
    void anotherMspSeesItsOwnClientsAndNoneOfOurs() {
        AdminPrincipal stranger = tenants().otherMspAdmin();
        signInAs(stranger);

        var view = navigate(TrainingDashboardView.class);

        eventually(() -> assertThat(view.totalCard.valueText()).isEqualTo("0"));
        var grid = clients(view);
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getRow(0).name()).startsWith("Other Client");
    }

    @Test
    void aClientRowOpensThatClientsPage() {
        var view = navigate(TrainingDashboardView.class);
        eventually(() -> assertThat(clients(view).size()).isEqualTo(30));

        clients(view).clickRow(rowOf(clients(view), "Acme Industries"));

        assertThat(getCurrentView())
                .isInstanceOfSatisfying(
                        ClientTrainingView.class,
                        page -> eventually(
                                () -> assertThat(page.clientName.getText()).isEqualTo("Acme Industries")));
    }

    @Test
    void createEnrollmentOpensTheWizard() {
        navigate(TrainingDashboardView.class);

        test(find(Button.class).withId("create-enrollment").single()).click();

        assertThat(getCurrentView()).isInstanceOf(EnrollmentWizardView.class);
        eventually(() -> assertThat(find(Grid.class)
                        .withId("wizard-client-grid")
                        .single()
                        .getGenericDataView()
                        .getItems())
                .hasSize(30));
    }

    private GridTester<?, ClientTrainingRow> clients(TrainingDashboardView view) {
        return test(view.clientGrid);
    }

    private static int rowOf(GridTester<?, ClientTrainingRow> grid, String client) {
        return IntStream.range(0, grid.size())
                .filter(row -> grid.getRow(row).name().equals(client))
                .findFirst()
                .orElseThrow(() -> new AssertionError(client + " is not in the grid"));
    }

    private static long cardValue(String text) {
        return Long.parseLong(text.replaceAll("\\D", ""));
    }
}
