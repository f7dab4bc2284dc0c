package app.muster.security;

import app.muster.base.NotFound;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/** The MSP admin of the current request, for views; services take the principal as a parameter. */
@Component
public class CurrentAdmin {

    private final AuthenticationContext authenticationContext;

    CurrentAdmin(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
    }

    public MspAdminPrincipal get() {
        return authenticationContext
                .getAuthenticatedUser(MspAdminPrincipal.class)
                .orElseThrow(() -> new NotFound("The signed-in MSP admin"));
    }

    public void signOut() {
        authenticationContext.logout();
    }
}
