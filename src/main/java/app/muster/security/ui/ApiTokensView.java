package app.muster.security.ui;

import app.muster.audit.AuditLog;
import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.StatusBadges;
import app.muster.base.ui.UiUpdates;
import app.muster.security.AdminPrincipal;
import app.muster.security.ApiToken;
import app.muster.security.ApiTokens;
import app.muster.security.CurrentAdmin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The signed-in admin's personal API tokens: create one (shown once), see when each was used, revoke. */
@Route("msp/api-tokens")
@PageTitle("API tokens · Muster")
@RolesAllowed(AdminPrincipal.MSP_ADMIN)
public class ApiTokensView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'");

    final TextField nameField = new TextField("Name");
    final Button createButton = new Button("Create token");
    final TextField newToken = new TextField("Your new token");
    final Grid<ApiToken> tokenGrid = new Grid<>();
    private final ApiTokens apiTokens;
    private final AuditLog auditLog;
    private final AdminPrincipal admin;

    ApiTokensView(ApiTokens apiTokens, AuditLog auditLog, CurrentAdmin currentAdmin) {
        this.apiTokens = apiTokens;
        this.auditLog = auditLog;
        this.admin = currentAdmin.get();
        nameField.setPlaceholder("e.g. quarterly rollout script");
        nameField.setMaxLength(200);
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        createButton.addClickListener(click -> create(click.getSource().getUI().orElseThrow()));
        newToken.setReadOnly(true);
        newToken.setWidthFull();
        newToken.setVisible(false);
        newToken.setHelperText("Copy it now: Muster keeps only a hash and cannot show it again.");
        configureGrid();

        var form = new HorizontalLayout(nameField, createButton);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        addClassName("page");
        add(
                new H1("API tokens"),
                new Paragraph("Scripts call Muster's REST API with a personal token, as you: "
                        + "'Authorization: Bearer <token>'."),
                new Anchor("swagger-ui/index.html", "API description"),
                form,
                newToken,
                tokenGrid);
        addAttachListener(attach -> refresh(attach.getUI()));
    }

    private void configureGrid() {
        tokenGrid.addColumn(ApiToken::name).setHeader("Name").setFlexGrow(2);
        tokenGrid
                .addColumn(token -> WHEN.format(token.createdAt().atZone(ZoneOffset.UTC)))
                .setHeader("Created");
        tokenGrid
                .addColumn(token -> token.lastUsedAt() == null
                        ? "Never"
                        : WHEN.format(token.lastUsedAt().atZone(ZoneOffset.UTC)))
                .setHeader("Last used");
        tokenGrid
                .addComponentColumn(token -> token.active()
                        ? StatusBadges.badge("Active", "completed")
                        : StatusBadges.badge("Revoked", "neutral"))
                .setHeader("State");
        tokenGrid.addComponentColumn(this::revokeButton).setHeader("");
        tokenGrid.setEmptyStateText("No tokens yet.");
        tokenGrid.setAllRowsVisible(true);
    }

    private Button revokeButton(ApiToken token) {
        var revokeButton = new Button(
                "Revoke", click -> confirmRevoke(click.getSource().getUI().orElseThrow(), token));
        revokeButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revokeButton.setVisible(token.active());
        return revokeButton;
    }

    private void create(UI ui) {
        String name = nameField.getValue();
        Mono<Void> audited = auditLog.record(admin, "API token created", name);
        apiTokens
                .create(admin, name)
                .flatMap(token -> audited.thenReturn(token))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        token -> UiUpdates.apply(ui, () -> {
                            newToken.setValue(token);
                            newToken.setVisible(true);
                            nameField.clear();
                            refresh(ui);
                        }),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
    }

    /** A revoked token stops every script that uses it, so revoking is confirmed first. */
    private void confirmRevoke(UI ui, ApiToken token) {
        var confirm = new ConfirmDialog(
                "Revoke the token " + token.name() + "?",
                "Scripts that use it are refused from now on, and its open event streams end. This cannot be undone.",
                "Revoke",
                confirmed -> revoke(ui, token));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep it");
        confirm.open();
    }

    private void revoke(UI ui, ApiToken token) {
        apiTokens
                .revoke(admin, token.id())
                .then(auditLog.record(admin, "API token revoked", token.name()))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        null,
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)),
                        () -> UiUpdates.apply(ui, () -> refresh(ui)));
    }

    private void refresh(UI ui) {
        apiTokens
                .list(admin)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        tokens -> UiUpdates.apply(ui, () -> show(tokens)),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
    }

    private void show(List<ApiToken> tokens) {
        tokenGrid.setItems(tokens);
    }
}
