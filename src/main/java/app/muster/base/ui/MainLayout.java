package app.muster.base.ui;

import app.muster.audit.AuditLog;
import app.muster.security.AdminAccounts;
import app.muster.security.CurrentAdmin;
import app.muster.security.ui.ChangePasswordDialog;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;

/** The MSP portal's frame: the product name, the navigation, and who is signed in. */
@Layout("msp")
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(CurrentAdmin currentAdmin, AdminAccounts accounts, AuditLog auditLog) {
        var title = new Span("Muster");
        title.addClassName("app-title");

        var signedInAs = new Span(currentAdmin.get().displayName());
        signedInAs.addClassName("signed-in-as");
        var signOutButton = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> currentAdmin.signOut());
        signOutButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var changePasswordButton = ChangePasswordDialog.opener(accounts, auditLog, currentAdmin.get());

        var header = new HorizontalLayout(new DrawerToggle(), title, signedInAs, changePasswordButton, signOutButton);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.addClassName("app-header");

        addToNavbar(header);
        addToDrawer(navigation());
    }

    private static SideNav navigation() {
        var nav = new SideNav();
        nav.addItem(new SideNavItem("Training", "msp/training", VaadinIcon.ACADEMY_CAP.create()));
        nav.addItem(new SideNavItem("Create Enrollment", "msp/training/enrollment", VaadinIcon.PLUS.create()));
        nav.addItem(new SideNavItem("Wall display", "msp/training/wall", VaadinIcon.DESKTOP.create()));
        nav.addItem(new SideNavItem("Mail log", "msp/mail-log", VaadinIcon.ENVELOPE.create()));
        nav.addItem(new SideNavItem("API tokens", "msp/api-tokens", VaadinIcon.KEY.create()));
        nav.addItem(new SideNavItem("Audit log", "msp/audit", VaadinIcon.LIST.create()));
        return nav;
    }
}
