package app.muster.tracking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.base.ui.NotFoundMessage;
import app.muster.base.ui.PageNotFoundView;
import app.muster.directory.ClientOrg;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.BatchRow;
import com.vaadin.flow.component.grid.GridTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@MusterTest
@WithUserDetails(MusterTest.ADMIN)
class ClientTrainingViewTests extends ViewTest {

    static final int BATCH = 0;
    static final int COURSES = 1;
    static final int STATUS = 2;

    @Test
    void showsTheClientsNameAsHeader() {
        ClientOrg acme = tenants().demoClient("Acme Industries");

        var view = open(acme);

        eventually(() -> assertThat(view.clientName.getText()).isEqualTo("Acme Industries"));
    }

    @Test
    void goingStraightToAnotherClientShowsThatClient() {
        var acme = open(tenants().demoClient("Acme Industries"));
        eventually(() -> assertThat(acme.clientName.getText()).isEqualTo("Acme Industries"));

        var bayside = open(tenants().demoClient("Bayside Dental Group"));

        eventually(() -> assertThat(bayside.clientName.getText()).isEqualTo("Bayside Dental Group"));
    }

    @Test
    @WithAnonymousUser
    void showsTheEmptyStateWhileTheClientHasNoBatches() {
        AdminPrincipal admin = tenants().otherMspAdmin();
        ClientOrg client = clientOrgs.list(admin.scope()).blockFirst();
        signInAs(admin);

        var view = open(client);

        eventually(() -> assertThat(view.clientName.getText()).isEqualTo(client.name()));
        assertThat(batches(view).size()).isZero();
        assertThat(view.batchGrid.getEmptyStateText()).startsWith("No batches yet");
    }

    @Test
    void aLaunchAddsItsBatchWhileThePageIsOpen() {
        ClientOrg kestrel = tenants().demoClient("Kestrel Aerospace Parts");
        var view = open(kestrel);
        eventually(() -> assertThat(view.clientName.getText()).isEqualTo(kestrel.name()));
        int before = batches(view).size();

        var launched = launch(tenants().demoAdmin(), List.of(kestrel), "phishing-fundamentals", "mfa-basics");

        eventually(() -> assertThat(batches(view).size()).isEqualTo(before + 1));
        var grid = batches(view);
        assertThat(grid.getRow(0).batchId()).isEqualTo(launched.getFirst().batchId());
        assertThat(grid.getCellText(0, BATCH))
                .isEqualTo("Phishing Fundamentals and Multi-Factor Authentication Basics");
        assertThat(grid.getCellText(0, COURSES)).isEqualTo("2");
        assertThat(grid.getCellText(0, STATUS)).isEqualTo("In Progress");
    }

    @Test
    void aBatchRowOpensTheBatchPage() {
        ClientOrg kestrel = tenants().demoClient("Kestrel Aerospace Parts");
        var launched =
                launch(tenants().demoAdmin(), List.of(kestrel), "clean-desk").getFirst();
        var view = open(kestrel);
        eventually(() -> {
            assertThat(batches(view).size()).isPositive();
            assertThat(batches(view).getRow(0).batchId()).isEqualTo(launched.batchId());
        });

        batches(view).clickRow(0);

        assertThat(getCurrentView())
                .isInstanceOfSatisfying(
                        BatchDetailView.class,
                        page -> eventually(() -> {
                            assertThat(page.batchName.getText()).isEqualTo("Clean Desk and Screen Locking");
                            assertThat(test(page.courseGrid).getRow(0).courseId())
                                    .isEqualTo("clean-desk");
                        }));
    }

    @Test
    @WithAnonymousUser
    void anotherMspsClientIsNotFoundAndShowsNoneOfItsData() {
        ClientOrg acme = tenants().demoClient("Acme Industries");
        signInAs(tenants().otherMspAdmin());

        var view = open(acme);

        eventually(() ->
                assertThat(find(NotFoundMessage.class).from(view).exists()).isTrue());
        assertThat(view.getElement().getTextRecursively())
                .contains("was not found")
                .doesNotContain("Acme");
        assertThat(view.batchGrid.isAttached()).isFalse();
        assertThat(view.clientName.getText()).isEmpty();
    }

    @Test
    void aMalformedIdLeadsToTheNotFoundErrorPage() {
        var error = navigate("msp/training/not-a-client-id", PageNotFoundView.class);

        assertThat(error).isNotNull();
        assertThat(find(ClientTrainingView.class).exists()).isFalse();
    }

    private ClientTrainingView open(ClientOrg client) {
        return navigate("msp/training/" + client.id(), ClientTrainingView.class);
    }

    private GridTester<?, BatchRow> batches(ClientTrainingView view) {
        return test(view.batchGrid);
    }
}
