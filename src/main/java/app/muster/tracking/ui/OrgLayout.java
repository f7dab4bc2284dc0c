package app.muster.tracking.ui;

import app.muster.audit.AuditLog;
import app.muster.base.ui.UiUpdates;
import app.muster.directory.ClientOrgs;
import app.muster.security.AdminAccounts;
import app.muster.security.CurrentAdmin;
import app.muster.security.ui.ChangePasswordDialog;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import reactor.core.scheduler.Schedulers;

/**
 * The org portal's frame: the client's name, its navigation and who is signed in. An MSP admin viewing as the client
 * sees a banner saying so, with the way back to the MSP portal.
 */
@Layout("org")
@PermitAll
public class OrgLayout extends AppLayout {

    final Span orgName = new Span();
    final Div viewingAsBanner = new Div();
    private final CurrentAdmin currentAdmin;
    private final ClientOrgs clientOrgs;

    OrgLayout(CurrentAdmin currentAdmin, ClientOrgs clientOrgs, AdminAccounts accounts, AuditLog auditLog) {
        this.currentAdmin = currentAdmin;
        this.clientOrgs = clientOrgs;
        var title = new Span("Muster");
        title.addClassName("app-title");
        orgName.addClassName("org-name");
        orgName.setId("org-name");

        var signedInAs = new Span(currentAdmin.get().displayName());
        signedInAs.addClassName("signed-in-as");
        var signOutButton = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> currentAdmin.signOut());
        signOutButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var changePasswordButton = ChangePasswordDialog.opener(accounts, auditLog, currentAdmin.get());

        var header = new HorizontalLayout(
                new DrawerToggle(), title, orgName, signedInAs, changePasswordButton, signOutButton);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(orgName);
        header.setWidthFull();
        header.addClassName("app-header");
        viewingAsBanner.setId("viewing-as-banner");
        viewingAsBanner.addClassName("viewing-as-banner");
        viewingAsBanner.setVisible(false);
        var top = new Div(header, viewingAsBanner);
        top.setWidthFull();
        addToNavbar(top);

        var nav = new SideNav();
        nav.addItem(new SideNavItem("Training", "org/training", VaadinIcon.ACADEMY_CAP.create()));
        nav.addItem(new SideNavItem("Create Enrollment", "org/training/enrollment", VaadinIcon.PLUS.create()));
        addToDrawer(nav);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        currentAdmin
                .orgPortalScope()
                .ifPresent(scope -> clientOrgs
                        .find(scope, scope.clientOrgId())
                        .subscribeOn(Schedulers.boundedElastic())
                        .subscribe(
                                org -> UiUpdates.apply(ui, () -> {
                                    orgName.setText(org.name());
                                    showViewingAs(org.name());
                                }),
                                error -> UiUpdates.apply(ui, () -> orgName.setText(""))));
    }

    private void showViewingAs(String clientName) {
        if (currentAdmin.get().isOrgAdmin()) {
            return;
        }
        var back = new Button("Back to the MSP portal", click -> {
            var orgId = currentAdmin.viewingAs().orElse(null);
            currentAdmin.stopViewingAs();
            getUI().ifPresent(ui -> ui.navigate(orgId == null ? "msp/training" : "msp/training/" + orgId));
        });
        back.setId("back-to-msp");
        back.addThemeVariants(ButtonVariant.LUMO_SMALL);
        viewingAsBanner.removeAll();
        viewingAsBanner.add(
                new Span("You are viewing the org portal of " + clientName + " as their MSP. What you do here is "
                        + "done for this client and recorded under your name."),
                back);
        viewingAsBanner.setVisible(true);
    }
}
