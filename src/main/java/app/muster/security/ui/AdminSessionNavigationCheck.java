package app.muster.security.ui;

import app.muster.security.AdminAccounts;
import app.muster.security.AdminPrincipal;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Moving between pages travels over the open push connection, which no HTTP filter sees; so each navigation checks
 * too that the admin was not removed and their password was not changed elsewhere, and signs out if so.
 */
@Component
class AdminSessionNavigationCheck implements VaadinServiceInitListener {

    private final AdminAccounts accounts;
    private final AuthenticationContext authenticationContext;

    AdminSessionNavigationCheck(AdminAccounts accounts, AuthenticationContext authenticationContext) {
        this.accounts = accounts;
        this.authenticationContext = authenticationContext;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        authenticationContext
                .getAuthenticatedUser(AdminPrincipal.class)
                .filter(admin ->
                        !Boolean.TRUE.equals(accounts.sessionStands(admin).block(Duration.ofSeconds(10))))
                .ifPresent(admin -> authenticationContext.logout());
    }
}
