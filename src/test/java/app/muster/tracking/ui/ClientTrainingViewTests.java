package app.muster.tracking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.base.ui.NotFoundMessage;
import app.muster.base.ui.PageNotFoundView;
import app.muster.directory.ClientOrg;
import app.muster.security.AdminPrincipal;
import app.muster.security.OrgAdmins;
import app.muster.security.OrgAdmins.OrgAdmin;
import app.muster.tracking.BatchRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.GridTester;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@MusterTest
@WithUserDetails(MusterTest.ADMIN)
class ClientTrainingViewTests extends ViewTest {

    static final int BATCH = 0;
    static final int COURSES = 1;
    static final int STATUS = 2;
    static final int ADMIN_NAME = 0;
    static final int ADMIN_EMAIL = 1;

    @Autowired
    OrgAdmins orgAdmins;

    @Autowired
    PasswordEncoder passwordEncoder;

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

    @Test
    void listsTheClientsOrgAdminsByNameAndEmail() {
        ClientOrg cedar = tenants().demoClient("Cedar Ridge Law LLP");
        String email = uniqueEmail("paula");
        orgAdmins.add(tenants().demoAdmin(), cedar.id(), email, "Paula Ng").block();

        var view = open(cedar);

        eventually(() -> assertThat(adminRows(view)).contains(List.of("Paula Ng", email)));
        assertThat(shown(view.orgAdmins.passwordField)).isFalse();
    }

    @Test
    @WithAnonymousUser
    void aClientWithoutOrgAdminsSaysSo() {
        AdminPrincipal admin = tenants().otherMspAdmin();
        ClientOrg client = clientOrgs.list(admin.scope()).blockFirst();
        signInAs(admin);

        var view = open(client);

        eventually(() -> assertThat(view.clientName.getText()).isEqualTo(client.name()));
        assertThat(test(view.orgAdmins.adminGrid).size()).isZero();
        assertThat(view.orgAdmins.adminGrid.getEmptyStateText()).isEqualTo("No org admins yet. Add one below.");
    }

    @Test
    void addingAnOrgAdminListsThemAndShowsTheirPasswordThisOnce() {
        ClientOrg cedar = tenants().demoClient("Cedar Ridge Law LLP");
        var view = open(cedar);
        eventually(() -> assertThat(view.clientName.getText()).isEqualTo(cedar.name()));
        String email = uniqueEmail("omar");

        test(view.orgAdmins.emailField).setValue(email);
        test(view.orgAdmins.nameField).setValue("Omar Haddad");
        test(view.orgAdmins.addButton).click();

        var section = view.orgAdmins;
        eventually(() -> assertThat(shown(section.passwordField)).isTrue());
        assertThat(section.passwordField.getLabel()).isEqualTo("Password for Omar Haddad");
        assertThat(section.passwordField.isReadOnly()).isTrue();
        assertThat(section.passwordNote.getText())
                .startsWith("This password is shown only this once")
                .contains("They sign in at http://localhost:8080/org/training with " + email);
        AdminPrincipal added = accounts.find(email).block();
        assertThat(passwordEncoder.matches(section.passwordField.getValue(), added.getPassword()))
                .isTrue();
        assertThat(section.emailField.getValue()).isEmpty();
        assertThat(section.nameField.getValue()).isEmpty();
        eventually(() -> assertThat(adminRows(view)).contains(List.of("Omar Haddad", email)));

        var again = open(tenants().demoClient("Bayside Dental Group"));
        eventually(() -> assertThat(again.clientName.getText()).isEqualTo("Bayside Dental Group"));
        var back = open(cedar);
        eventually(() -> assertThat(adminRows(back)).contains(List.of("Omar Haddad", email)));
        assertThat(shown(back.orgAdmins.passwordField)).isFalse();
        assertThat(back.getElement().getTextRecursively()).doesNotContain("shown only this once");
    }

    @Test
    void removingAnOrgAdminAsksFirstThenTakesThemOffTheList() {
        ClientOrg cedar = tenants().demoClient("Cedar Ridge Law LLP");
        String email = uniqueEmail("rita");
        orgAdmins.add(tenants().demoAdmin(), cedar.id(), email, "Rita Leaving").block();
        var view = open(cedar);
        eventually(() -> assertThat(adminRows(view)).contains(List.of("Rita Leaving", email)));

        test(action(view, email, "Remove")).click();
        var question = test(
                find(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single());
        assertThat(question.getHeader()).isEqualTo("Remove Rita Leaving?");
        question.cancel();
        assertThat(accounts.find(email).blockOptional()).as("kept after Cancel").isPresent();

        test(action(view, email, "Remove")).click();
        test(find(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single())
                .confirm();

        eventually(() -> assertThat(adminRows(view)).doesNotContain(List.of("Rita Leaving", email)));
        assertThat(accounts.find(email).blockOptional()).as("can sign in").isEmpty();
    }

    @Test
    void aNewPasswordForAnOrgAdminIsShownOnceAndReplacesTheOldOne() {
        ClientOrg cedar = tenants().demoClient("Cedar Ridge Law LLP");
        String email = uniqueEmail("sam");
        var added = orgAdmins
                .add(tenants().demoAdmin(), cedar.id(), email, "Sam Forgot")
                .block();
        var view = open(cedar);
        eventually(() -> assertThat(adminRows(view)).contains(List.of("Sam Forgot", email)));

        test(action(view, email, "New password")).click();
        test(find(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single())
                .confirm();

        var section = view.orgAdmins;
        eventually(() -> assertThat(shown(section.passwordField)).isTrue());
        assertThat(section.passwordField.getLabel()).isEqualTo("Password for Sam Forgot");
        String hash = accounts.find(email).block().getPassword();
        assertThat(passwordEncoder.matches(section.passwordField.getValue(), hash))
                .isTrue();
        assertThat(passwordEncoder.matches(added.password(), hash)).isFalse();
    }

    @Test
    void aBadEmailIsRefusedOnTheEmailFieldAndAddsNothing() {
        ClientOrg cedar = tenants().demoClient("Cedar Ridge Law LLP");
        var view = open(cedar);
        long before = orgAdminCount(cedar);

        var section = tryToAdd(view, "omar.at.cedar", "Omar Haddad");

        eventually(() -> assertThat(section.emailField.isInvalid()).isTrue());
        assertThat(section.emailField.getErrorMessage())
                .isEqualTo("Enter the org admin's email address, like name@client.example.");
        assertThat(section.nameField.isInvalid()).isFalse();
        assertThat(section.addButton.isEnabled()).isTrue();
        assertThat(shown(section.passwordField)).isFalse();
        assertThat(orgAdminCount(cedar)).isEqualTo(before);
    }

    @Test
    void anEmptyNameIsRefusedOnTheNameFieldAndAddsNothing() {
        ClientOrg cedar = tenants().demoClient("Cedar Ridge Law LLP");
        var view = open(cedar);
        long before = orgAdminCount(cedar);
        String email = uniqueEmail("nameless");

        var section = tryToAdd(view, email, "   ");

        eventually(() -> assertThat(section.nameField.isInvalid()).isTrue());
        assertThat(section.nameField.getErrorMessage()).isEqualTo("Enter the org admin's name, 1 to 200 characters.");
        assertThat(section.emailField.isInvalid()).isFalse();
        assertThat(section.emailField.getValue()).isEqualTo(email);
        assertThat(shown(section.passwordField)).isFalse();
        assertThat(orgAdminCount(cedar)).isEqualTo(before);
    }

    @Test
    void anEmailAlreadyUsedIsRefusedOnTheEmailFieldAndAddsNothing() {
        ClientOrg cedar = tenants().demoClient("Cedar Ridge Law LLP");
        var view = open(cedar);
        long before = orgAdminCount(cedar);

        var section = tryToAdd(view, MusterTest.ADMIN.toUpperCase(), "Second Me");

        eventually(() -> assertThat(section.emailField.isInvalid()).isTrue());
        assertThat(section.emailField.getErrorMessage())
                .isEqualTo("An admin with the email " + MusterTest.ADMIN + " already exists in Muster.");
        assertThat(shown(section.passwordField)).isFalse();
        assertThat(orgAdminCount(cedar)).isEqualTo(before);
    }

    @Test
    void aCorrectedSecondTryAddsTheAdminAndClearsTheRefusal() {
        ClientOrg cedar = tenants().demoClient("Cedar Ridge Law LLP");
        var view = open(cedar);
        var section = tryToAdd(view, "lena", "Lena Fox");
        eventually(() -> assertThat(section.emailField.isInvalid()).isTrue());
        String email = uniqueEmail("lena");

        test(section.emailField).setValue(email);
        test(section.addButton).click();

        eventually(() -> assertThat(shown(section.passwordField)).isTrue());
        assertThat(section.emailField.isInvalid()).isFalse();
        assertThat(orgAdmins.list(tenants().demoAdmin(), cedar.id()).block())
                .extracting(OrgAdmin::email)
                .contains(email);
    }

    private ClientTrainingView open(ClientOrg client) {
        return navigate("msp/training/" + client.id(), ClientTrainingView.class);
    }

    private GridTester<?, BatchRow> batches(ClientTrainingView view) {
        return test(view.batchGrid);
    }

    private OrgAdminsSection tryToAdd(ClientTrainingView view, String email, String name) {
        eventually(() -> assertThat(view.clientName.getText()).isNotEmpty());
        test(view.orgAdmins.emailField).setValue(email);
        test(view.orgAdmins.nameField).setValue(name);
        test(view.orgAdmins.addButton).click();
        return view.orgAdmins;
    }

    private List<List<String>> adminRows(ClientTrainingView view) {
        var grid = test(view.orgAdmins.adminGrid);
        return IntStream.range(0, grid.size())
                .mapToObj(row -> List.of(grid.getCellText(row, ADMIN_NAME), grid.getCellText(row, ADMIN_EMAIL)))
                .toList();
    }

    /** A button in the org admin's row: New password or Remove. */
    private Button action(ClientTrainingView view, String email, String label) {
        var grid = test(view.orgAdmins.adminGrid);
        int row = IntStream.range(0, grid.size())
                .filter(index -> grid.getCellText(index, ADMIN_EMAIL).equals(email))
                .findFirst()
                .orElseThrow();
        return grid.getCellComponent(row, view.orgAdmins.adminGrid.getColumns().size() - 1)
                .getChildren()
                .map(Button.class::cast)
                .filter(button -> button.getText().equals(label))
                .findFirst()
                .orElseThrow();
    }

    private long orgAdminCount(ClientOrg client) {
        return tenants().count("SELECT COUNT(*) AS n FROM portal_admin WHERE client_org_id = :id", client.id());
    }

    /** Whether a user sees the component: it and every component around it are visible on the open page. */
    private static boolean shown(Component component) {
        for (Component at = component; at != null; at = at.getParent().orElse(null)) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return component.isAttached();
    }

    private static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@cedar-ridge.example";
    }
}
