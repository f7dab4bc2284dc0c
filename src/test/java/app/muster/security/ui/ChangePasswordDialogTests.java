package app.muster.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.security.AdminPrincipal;
import app.muster.security.OrgAdmins;
import app.muster.tracking.ui.OrgTrainingView;
import app.muster.tracking.ui.TrainingDashboardView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithAnonymousUser;

@MusterTest
@WithAnonymousUser
class ChangePasswordDialogTests extends ViewTest {

    static final String NEW_PASSWORD = "quiet-meadow-318";

    @Autowired
    OrgAdmins orgAdmins;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void anOrgAdminChangesTheGeneratedPasswordFromTheOrgPortalHeader() {
        Account orgAdmin = newOrgAdmin();
        signInAs(orgAdmin.principal());
        navigate("org/training", OrgTrainingView.class);

        var dialog = openDialog();
        submit(dialog, orgAdmin.password(), NEW_PASSWORD, NEW_PASSWORD);

        eventually(() -> assertThat(dialog.isOpened()).isFalse());
        assertThat(notificationText()).isEqualTo("Your password is changed. Sign in with the new one from now on.");
        assertThat(passwordIs(orgAdmin.email(), NEW_PASSWORD)).isTrue();
        assertThat(passwordIs(orgAdmin.email(), orgAdmin.password())).isFalse();
    }

    @Test
    void anMspAdminChangesTheirPasswordFromTheMspPortalHeader() {
        String email = "msp-admin-" + suffix() + "@demo-msp.example";
        String first = "first-password-" + suffix();
        accounts.create(tenants().demoAdmin().mspId(), email, "Second MSP admin", first)
                .block();
        signInAs(accounts.find(email).block());
        navigate("msp/training", TrainingDashboardView.class);

        var dialog = openDialog();
        submit(dialog, first, NEW_PASSWORD, NEW_PASSWORD);

        eventually(() -> assertThat(dialog.isOpened()).isFalse());
        assertThat(passwordIs(email, NEW_PASSWORD)).isTrue();
        assertThat(passwordIs(email, first)).isFalse();
    }

    @Test
    void aWrongCurrentPasswordIsShownOnThatFieldAndTheDialogStaysOpen() {
        Account orgAdmin = newOrgAdmin();
        signInAs(orgAdmin.principal());
        navigate("org/training", OrgTrainingView.class);

        var dialog = openDialog();
        submit(dialog, "not-the-password", NEW_PASSWORD, NEW_PASSWORD);

        eventually(() -> assertThat(dialog.currentPassword.isInvalid()).isTrue());
        assertThat(dialog.currentPassword.getErrorMessage()).isEqualTo("This is not your current password.");
        assertThat(dialog.newPassword.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.changeButton.isEnabled()).isTrue();
        assertThat(passwordIs(orgAdmin.email(), orgAdmin.password())).isTrue();
    }

    @Test
    void aShortNewPasswordIsShownOnTheNewPasswordField() {
        Account orgAdmin = newOrgAdmin();
        signInAs(orgAdmin.principal());
        navigate("org/training", OrgTrainingView.class);

        var dialog = openDialog();
        assertThat(dialog.newPassword.getHelperText()).isEqualTo("At least 12 characters.");
        submit(dialog, orgAdmin.password(), "eleven-char", "eleven-char");

        eventually(() -> assertThat(dialog.newPassword.isInvalid()).isTrue());
        assertThat(dialog.newPassword.getErrorMessage()).isEqualTo("Choose a new password of at least 12 characters.");
        assertThat(dialog.currentPassword.isInvalid()).isFalse();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(passwordIs(orgAdmin.email(), orgAdmin.password())).isTrue();
    }

    @Test
    void aConfirmationThatDiffersIsShownOnTheConfirmationFieldAndACorrectedOneChanges() {
        Account orgAdmin = newOrgAdmin();
        signInAs(orgAdmin.principal());
        navigate("org/training", OrgTrainingView.class);

        var dialog = openDialog();
        submit(dialog, orgAdmin.password(), NEW_PASSWORD, NEW_PASSWORD + "!");

        eventually(() -> assertThat(dialog.confirmation.isInvalid()).isTrue());
        assertThat(dialog.confirmation.getErrorMessage())
                .isEqualTo("This does not match the new password; type it again.");
        assertThat(passwordIs(orgAdmin.email(), orgAdmin.password())).isTrue();

        test(dialog.confirmation).setValue(NEW_PASSWORD);
        test(dialog.changeButton).click();

        eventually(() -> assertThat(dialog.isOpened()).isFalse());
        assertThat(passwordIs(orgAdmin.email(), NEW_PASSWORD)).isTrue();
    }

    private ChangePasswordDialog openDialog() {
        test(find(Button.class).withId("change-password").single()).click();
        eventually(() -> assertThat(find(ChangePasswordDialog.class).exists()).isTrue());
        var dialog = find(ChangePasswordDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Change your password");
        return dialog;
    }

    private void submit(ChangePasswordDialog dialog, String current, String wanted, String confirmed) {
        test(dialog.currentPassword).setValue(current);
        test(dialog.newPassword).setValue(wanted);
        test(dialog.confirmation).setValue(confirmed);
        test(dialog.changeButton).click();
    }

    private String notificationText() {
        return test(find(Notification.class).single()).getText();
    }

    private boolean passwordIs(String email, String password) {
        return passwordEncoder.matches(password, accounts.find(email).block().getPassword());
    }

    private Account newOrgAdmin() {
        String email = "org-admin-" + suffix() + "@client.example";
        AdminPrincipal mspAdmin = tenants().demoAdmin();
        var added = orgAdmins
                .add(mspAdmin, tenants().demoClient("Acme Industries").id(), email, "Org Admin")
                .block();
        return new Account(email, added.password(), accounts.find(email).block());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private record Account(String email, String password, AdminPrincipal principal) {}
}
