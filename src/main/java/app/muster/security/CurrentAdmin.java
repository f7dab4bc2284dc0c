package app.muster.security;

import app.muster.base.NotFound;
import app.muster.base.TenantScope;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The admin of the current request, for views; services take the principal or its scope as a parameter. Also which
 * client an MSP admin is viewing the org portal as ("view as this client"), kept for their browser session.
 */
@Component
public class CurrentAdmin {

    private static final String VIEWING_AS = CurrentAdmin.class.getName() + ".viewingAs";

    private final AuthenticationContext authenticationContext;

    CurrentAdmin(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
    }

    public AdminPrincipal get() {
        return authenticationContext
                .getAuthenticatedUser(AdminPrincipal.class)
                .orElseThrow(() -> new NotFound("The signed-in admin"));
    }

    /**
     * The scope of the org portal: an org admin's own client org, or the client an MSP admin chose to view as. The
     * client's belonging to the MSP is checked by every service that is handed this scope.
     */
    public Optional<TenantScope> orgPortalScope() {
        AdminPrincipal admin = get();
        if (admin.isOrgAdmin()) {
            return Optional.of(admin.scope());
        }
        return viewingAs().map(orgId -> TenantScope.clientOrg(admin.mspId(), orgId));
    }

    /**
     * The client an MSP admin is viewing the org portal as, if any; never set for an org admin. Each browser tab keeps
     * the client it was viewing, so a banner and its page always name the same client; a tab opened later starts with
     * the client chosen last.
     */
    public Optional<UUID> viewingAs() {
        UI ui = UI.getCurrent();
        if (ui != null && ComponentUtil.getData(ui, ViewedClient.class) instanceof ViewedClient pinned) {
            return Optional.of(pinned.orgId());
        }
        VaadinSession session = VaadinSession.getCurrent();
        Optional<UUID> chosenLast =
                session == null ? Optional.empty() : Optional.ofNullable((UUID) session.getAttribute(VIEWING_AS));
        if (ui != null) {
            chosenLast.ifPresent(orgId -> ComponentUtil.setData(ui, ViewedClient.class, new ViewedClient(orgId)));
        }
        return chosenLast;
    }

    /** Opens the org portal of one of the MSP's clients for an MSP admin, in this tab. */
    public void viewAs(UUID orgId) {
        if (get().isOrgAdmin()) {
            throw new NotFound("Client org " + orgId);
        }
        VaadinSession.getCurrent().setAttribute(VIEWING_AS, orgId);
        ComponentUtil.setData(UI.getCurrent(), ViewedClient.class, new ViewedClient(orgId));
    }

    public void stopViewingAs() {
        VaadinSession.getCurrent().setAttribute(VIEWING_AS, null);
        ComponentUtil.setData(UI.getCurrent(), ViewedClient.class, null);
    }

    private record ViewedClient(UUID orgId) {}

    /**
     * Keeps this browser session signed in as the admin after their own password change, which ends their other
     * sessions. Call it while holding the Vaadin session, with the admin as loaded after the change.
     */
    public static void keepSignedInAs(AdminPrincipal updated) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities());
        var session = VaadinSession.getCurrent().getSession();
        if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext stored) {
            stored.setAuthentication(authentication);
        }
        if (SecurityContextHolder.getContext().getAuthentication() != null) {
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
    }

    public void signOut() {
        authenticationContext.logout();
    }
}
