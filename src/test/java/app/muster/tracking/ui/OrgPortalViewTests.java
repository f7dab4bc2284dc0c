package app.muster.tracking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.base.ui.NotFoundMessage;
import app.muster.directory.ClientOrg;
import app.muster.enrollment.ui.OrgEnrollmentWizardView;
import app.muster.security.AdminPrincipal;
import app.muster.security.OrgAdmins;
import app.muster.tracking.BatchRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

/** The org portal's pages: an org admin sees their own org only; an MSP admin sees a client's when viewing as it. */
@MusterTest
class OrgPortalViewTests extends ViewTest {

    static final String OURS = "Tidewater Title & Escrow";
    static final String NEIGHBOUR = "Redwood Credit Partners";

    @Autowired
    OrgAdmins orgAdmins;

    @Test
    @WithAnonymousUser
    void anOrgAdminSeesTheirOwnBatchesAndNotTheNeighbouringClientsOfTheirMsp() {
        ClientOrg ours = tenants().demoClient(OURS);
        ClientOrg neighbour = tenants().demoClient(NEIGHBOUR);
        UUID ourBatch = launch(tenants().demoAdmin(), List.of(ours), "phishing-fundamentals")
                .getFirst()
                .batchId();
        UUID theirBatch = launch(tenants().demoAdmin(), List.of(neighbour), "phishing-fundamentals")
                .getFirst()
                .batchId();
        signInAs(orgAdminOf(ours));

        var view = navigate(OrgTrainingView.class);

        eventually(() -> assertThat(view.heading.getText()).isEqualTo(OURS + " training"));
        var shown = batchIds(view);
        assertThat(shown).contains(ourBatch).doesNotContain(theirBatch);
        assertThat(shown).allSatisfy(batchId -> assertThat(batchOrg(batchId)).isEqualTo(ours.id()));
    }

    @Test
    @WithAnonymousUser
    void anOrgAdminOpeningAnotherClientsBatchIdIsToldItWasNotFound() {
        ClientOrg ours = tenants().demoClient(OURS);
        ClientOrg neighbour = tenants().demoClient(NEIGHBOUR);
        UUID theirBatch = launch(tenants().demoAdmin(), List.of(neighbour), "mfa-basics")
                .getFirst()
                .batchId();
        signInAs(orgAdminOf(ours));

        var view = navigate("org/training/" + theirBatch, OrgBatchView.class);

        eventually(() -> assertThat($view(NotFoundMessage.class).all()).hasSize(1));
        assertThat(view.batchName.getText()).isEmpty();
    }

    @Test
    @WithUserDetails(MusterTest.ADMIN)
    void anMspAdminWhoIsNotViewingAsAClientIsSentToTheirDashboard() {
        navigate("org/training", TrainingDashboardView.class);

        assertThat(getCurrentView()).isInstanceOf(TrainingDashboardView.class);
    }

    @Test
    @WithUserDetails(MusterTest.ADMIN)
    void viewAsThisClientOpensThatClientsOrgPortal() {
        ClientOrg ours = tenants().demoClient(OURS);
        UUID ourBatch = launch(tenants().demoAdmin(), List.of(ours), "ransomware")
                .getFirst()
                .batchId();
        var clientPage = navigate("msp/training/" + ours.id(), ClientTrainingView.class);

        test(clientPage.viewAsButton).click();

        var portal = (OrgTrainingView) getCurrentView();
        eventually(() -> assertThat(portal.heading.getText()).isEqualTo(OURS + " training"));
        assertThat(batchIds(portal)).contains(ourBatch);
    }

    @Test
    @WithAnonymousUser
    void aClientNotSetUpForTrainingIsToldSoBeforeChoosingAnything() {
        signInAs(orgAdminOf(tenants().demoClient("Beacon Hill Bakery")));

        navigate(OrgEnrollmentWizardView.class);

        eventually(() -> assertThat(
                        find(Paragraph.class).withId("not-set-up").single().getText())
                .startsWith("Beacon Hill Bakery is not set up for training yet"));
        assertThat(find(Button.class).withId("wizard-next").exists()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void aNeedsAccessRowTellsTheOrgAdminToAskTheirMsp() {
        ClientOrg ours = tenants().demoClient(OURS);
        UUID batch = launch(tenants().demoAdmin(), List.of(ours), "hipaa-privacy")
                .getFirst()
                .batchId();
        signInAs(orgAdminOf(ours));

        var view = navigate("org/training/" + batch, OrgBatchView.class);

        var rows = test(view.courseGrid);
        eventually(() -> assertThat(rows.size()).isEqualTo(1));
        var cell = rows.getCellComponent(0, 1);
        assertThat(cell.getElement().getTextRecursively())
                .contains("Your MSP has not enabled this course for your organization.");
        var actions = rows.getCellComponent(0, view.courseGrid.getColumns().size() - 1);
        assertThat(actions.getElement().getTextRecursively()).isEqualTo("Retry").doesNotContain("Enable course");
    }

    private AdminPrincipal orgAdminOf(ClientOrg client) {
        String email = "it-" + UUID.randomUUID().toString().substring(0, 8) + "@client.example";
        orgAdmins.add(tenants().demoAdmin(), client.id(), email, "IT lead").block();
        return accounts.find(email).block();
    }

    private List<UUID> batchIds(OrgTrainingView view) {
        GridTester<?, BatchRow> grid = test(view.batchGrid);
        eventually(() -> assertThat(grid.size()).isPositive());
        return IntStream.range(0, grid.size())
                .mapToObj(row -> grid.getRow(row).batchId())
                .toList();
    }

    private UUID batchOrg(UUID batchId) {
        return db.sql("SELECT org_id FROM enrollment_batch WHERE id = :id")
                .bind("id", batchId)
                .map(row -> row.get("org_id", UUID.class))
                .one()
                .block();
    }
}
