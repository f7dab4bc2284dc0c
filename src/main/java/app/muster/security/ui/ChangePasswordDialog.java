package app.muster.security.ui;

import app.muster.audit.AuditLog;
import app.muster.base.Refusal;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.UiUpdates;
import app.muster.security.AdminAccounts;
import app.muster.security.AdminPrincipal;
import app.muster.security.CurrentAdmin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The signed-in admin changes their own password: the current one, then the new one twice. A refusal is shown on the
 * field it concerns; once changed, only the new password signs in.
 */
public class ChangePasswordDialog extends Dialog {

    static final String CHANGED = "Your password is changed. Sign in with the new one from now on.";

    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final PasswordField confirmation = new PasswordField("Confirm new password");
    final Button changeButton = new Button("Change password");
    private final Map<String, PasswordField> fieldsByName =
            Map.of("currentPassword", currentPassword, "newPassword", newPassword, "confirmation", confirmation);
    private final AdminAccounts accounts;
    private final AuditLog auditLog;
    private final AdminPrincipal admin;

    ChangePasswordDialog(AdminAccounts accounts, AuditLog auditLog, AdminPrincipal admin) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.admin = admin;
        configureFields();
        changeButton.setId("change-password-save");
        changeButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changeButton.setDisableOnClick(true);
        changeButton.addClickListener(click -> change(click.getSource().getUI().orElseThrow()));
        var cancelButton = new Button("Cancel", click -> close());

        setId("change-password-dialog");
        setHeaderTitle("Change your password");
        setWidth("min(26rem, 95vw)");
        var fields = new VerticalLayout(currentPassword, newPassword, confirmation);
        fields.setPadding(false);
        add(fields);
        getFooter().add(cancelButton, changeButton);
    }

    /** The header's button that opens the dialog for the signed-in admin. */
    public static Button opener(AdminAccounts accounts, AuditLog auditLog, AdminPrincipal admin) {
        var openButton = new Button(
                "Change password",
                VaadinIcon.KEY.create(),
                click -> new ChangePasswordDialog(accounts, auditLog, admin).open());
        openButton.setId("change-password");
        openButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return openButton;
    }

    private void configureFields() {
        currentPassword.setId("current-password");
        currentPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setId("new-password");
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        newPassword.setHelperText("At least " + AdminAccounts.SHORTEST_PASSWORD + " characters.");
        confirmation.setId("confirm-password");
        confirmation.setAutocomplete(Autocomplete.NEW_PASSWORD);
        for (PasswordField field : List.of(currentPassword, newPassword, confirmation)) {
            field.setManualValidation(true);
            field.setWidthFull();
        }
        currentPassword.focus();
    }

    private void change(UI ui) {
        fieldsByName.values().forEach(field -> field.setInvalid(false));
        Mono<Void> audited = auditLog.record(admin, "Password changed", admin.getUsername());
        accounts.changeOwnPassword(admin, currentPassword.getValue(), newPassword.getValue(), confirmation.getValue())
                .then(audited)
                .then(accounts.find(admin.getUsername()))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        updated -> UiUpdates.apply(ui, () -> changed(updated)),
                        error -> UiUpdates.apply(ui, () -> refused(error)));
    }

    private void changed(AdminPrincipal updated) {
        CurrentAdmin.keepSignedInAs(updated);
        close();
        Notification.show(CHANGED, 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void refused(Throwable error) {
        changeButton.setEnabled(true);
        PasswordField field =
                error instanceof Refusal refusal && refusal.field() != null ? fieldsByName.get(refusal.field()) : null;
        if (field == null) {
            ErrorMessages.show(error);
            return;
        }
        field.setErrorMessage(error.getMessage());
        field.setInvalid(true);
        field.focus();
    }
}
