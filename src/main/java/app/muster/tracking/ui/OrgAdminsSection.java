package app.muster.tracking.ui;

import app.muster.audit.AuditLog;
import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.UiUpdates;
import app.muster.security.AdminPrincipal;
import app.muster.security.OrgAdmins;
import app.muster.security.OrgAdmins.NewOrgAdmin;
import app.muster.security.OrgAdmins.OrgAdmin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The client's org admins, who sign in to its org portal and reach this client only, and the form to add one. A new
 * org admin's generated password is shown here once; Muster keeps only its hash.
 */
class OrgAdminsSection extends VerticalLayout {

    final Grid<OrgAdmin> adminGrid = new Grid<>();
    final EmailField emailField = new EmailField("Email");
    final TextField nameField = new TextField("Name");
    final Button addButton = new Button("Add org admin", VaadinIcon.PLUS.create());
    final TextField passwordField = new TextField();
    final Paragraph passwordNote = new Paragraph();
    private final Div newAdmin = new Div(passwordField, passwordNote);
    private final OrgAdmins orgAdmins;
    private final AuditLog auditLog;
    private final AdminPrincipal admin;
    private final String signInAddress;
    private UUID orgId;

    OrgAdminsSection(OrgAdmins orgAdmins, AuditLog auditLog, AdminPrincipal admin, String publicUrl) {
        this.orgAdmins = orgAdmins;
        this.auditLog = auditLog;
        this.admin = admin;
        this.signInAddress = publicUrl.replaceAll("/+$", "") + "/org/training";
        configureGrid();
        configureForm();
        configureNewAdmin();

        var form = new HorizontalLayout(emailField, nameField, addButton);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        setId("org-admins");
        setPadding(false);
        add(
                new H2("Org admins"),
                new Paragraph("The client's own people who sign in to its org portal. They see this client's "
                        + "training and nothing of your other clients."),
                adminGrid,
                form,
                newAdmin);
    }

    /** Shows the org admins of a client, the form emptied and no password from before. */
    void show(UI ui, UUID orgId) {
        this.orgId = orgId;
        emailField.clear();
        nameField.clear();
        clearRefusals();
        hidePassword();
        refresh(ui);
    }

    private void configureGrid() {
        adminGrid.setId("org-admin-grid");
        adminGrid.addColumn(OrgAdmin::displayName).setHeader("Name").setFlexGrow(1);
        adminGrid.addColumn(OrgAdmin::email).setHeader("Email").setFlexGrow(2);
        adminGrid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        adminGrid.setEmptyStateText("No org admins yet. Add one below.");
        adminGrid.setAllRowsVisible(true);
    }

    private void configureForm() {
        emailField.setId("org-admin-email");
        emailField.setPlaceholder("name@client.example");
        emailField.setMaxLength(320);
        emailField.setManualValidation(true);
        nameField.setId("org-admin-name");
        nameField.setMaxLength(200);
        nameField.setManualValidation(true);
        addButton.setId("add-org-admin");
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addButton.setDisableOnClick(true);
        addButton.addClickListener(click -> add(click.getSource().getUI().orElseThrow()));
    }

    private void configureNewAdmin() {
        passwordField.setId("org-admin-password");
        passwordField.setReadOnly(true);
        passwordField.setAutoselect(true);
        passwordField.setWidth("min(28rem, 100%)");
        var copyButton = new Button(
                VaadinIcon.COPY.create(),
                click -> copyPassword(click.getSource().getUI()));
        copyButton.setId("copy-org-admin-password");
        copyButton.setAriaLabel("Copy the password");
        copyButton.setTooltipText("Copy the password");
        copyButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        passwordField.setSuffixComponent(copyButton);
        passwordNote.setId("org-admin-password-note");
        newAdmin.addClassName("new-org-admin");
        newAdmin.setVisible(false);
    }

    private void add(UI ui) {
        clearRefusals();
        hidePassword();
        String email = emailField.getValue();
        Mono<Void> audited = auditLog.record(
                admin, "Org admin added", email.strip().toLowerCase(Locale.ROOT) + " for client org " + orgId);
        orgAdmins
                .add(admin, orgId, email, nameField.getValue())
                .flatMap(added -> audited.thenReturn(added))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        added -> UiUpdates.apply(ui, () -> added(ui, added)),
                        error -> UiUpdates.apply(ui, () -> refused(error)));
    }

    private void added(UI ui, NewOrgAdmin added) {
        addButton.setEnabled(true);
        emailField.clear();
        nameField.clear();
        showPassword(added.admin(), added.password());
        refresh(ui);
    }

    private void showPassword(OrgAdmin orgAdmin, String password) {
        passwordField.setLabel("Password for " + orgAdmin.displayName());
        passwordField.setValue(password);
        passwordNote.setText("This password is shown only this once: copy it now and hand it to "
                + orgAdmin.displayName() + ". They sign in at " + signInAddress + " with "
                + orgAdmin.email() + " and this password, and can then choose their own under Change password.");
        newAdmin.setVisible(true);
    }

    private Component actions(OrgAdmin orgAdmin) {
        var newPasswordButton = new Button(
                "New password",
                click -> confirm(
                        click.getSource().getUI().orElseThrow(),
                        "Give " + orgAdmin.displayName() + " a new password?",
                        "Their current password stops working and their open sessions end. The new one is shown here once.",
                        "Give new password",
                        ui -> resetPassword(ui, orgAdmin)));
        newPasswordButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        var removeButton = new Button(
                "Remove",
                click -> confirm(
                        click.getSource().getUI().orElseThrow(),
                        "Remove " + orgAdmin.displayName() + "?",
                        orgAdmin.displayName() + " can no longer sign in, and an open session of theirs ends at once. "
                                + "What they launched stays.",
                        "Remove",
                        ui -> remove(ui, orgAdmin)));
        removeButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(newPasswordButton, removeButton);
    }

    private static void confirm(UI ui, String header, String text, String action, Consumer<UI> confirmed) {
        var dialog = new ConfirmDialog(header, text, action, event -> confirmed.accept(ui));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }

    private void resetPassword(UI ui, OrgAdmin orgAdmin) {
        hidePassword();
        Mono<Void> audited = auditLog.record(admin, "Org admin given a new password", orgAdmin.email());
        orgAdmins
                .resetPassword(admin, orgId, orgAdmin.id())
                .flatMap(password -> audited.thenReturn(password))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        password -> UiUpdates.apply(ui, () -> showPassword(orgAdmin, password)),
                        error -> UiUpdates.apply(ui, () -> actionFailed(ui, orgAdmin, error)));
    }

    private void remove(UI ui, OrgAdmin orgAdmin) {
        hidePassword();
        orgAdmins
                .remove(admin, orgId, orgAdmin.id())
                .then(auditLog.record(admin, "Org admin removed", orgAdmin.email()))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        null,
                        error -> UiUpdates.apply(ui, () -> actionFailed(ui, orgAdmin, error)),
                        () -> UiUpdates.apply(ui, () -> {
                            Notification.show(orgAdmin.displayName() + " was removed.");
                            refresh(ui);
                        }));
    }

    /** Another tab or admin may have removed them meanwhile: say so in words and show the list as it is now. */
    private void actionFailed(UI ui, OrgAdmin orgAdmin, Throwable error) {
        if (error instanceof NotFound) {
            Notification.show(orgAdmin.displayName() + " was already removed.");
            refresh(ui);
            return;
        }
        ErrorMessages.show(error);
    }

    private void refused(Throwable error) {
        addButton.setEnabled(true);
        if (!(error instanceof Refusal refusal) || refusal.field() == null) {
            ErrorMessages.show(error);
            return;
        }
        switch (refusal.field()) {
            case "email" -> refuse(emailField, refusal);
            case "name" -> refuse(nameField, refusal);
            default -> ErrorMessages.show(error);
        }
    }

    private static void refuse(TextFieldBase<?, ?> field, Refusal refusal) {
        field.setErrorMessage(refusal.getMessage());
        field.setInvalid(true);
        field.focus();
    }

    private void clearRefusals() {
        emailField.setInvalid(false);
        nameField.setInvalid(false);
    }

    private void hidePassword() {
        passwordField.clear();
        passwordNote.setText("");
        newAdmin.setVisible(false);
    }

    private void copyPassword(Optional<UI> ui) {
        ui.ifPresent(page -> page.getPage()
                .executeJs("return navigator.clipboard.writeText($0)", passwordField.getValue())
                .then(
                        copied -> Notification.show("Password copied."),
                        failed -> Notification.show("Select the password and copy it with Ctrl+C.")));
    }

    private void refresh(UI ui) {
        orgAdmins
                .list(admin, orgId)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        admins -> UiUpdates.apply(ui, () -> adminGrid.setItems(admins)),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
    }
}
