package app.muster.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an admin who was removed or whose password was changed elsewhere, at their next request: the
 * request then goes on as signed out, and the sign-in page follows.
 */
class AdminSessionCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminSessionCheck.class);

    private final AdminAccounts accounts;
    private final SecurityContextHolderStrategy securityContexts;

    AdminSessionCheck(AdminAccounts accounts, SecurityContextHolderStrategy securityContexts) {
        this.accounts = accounts;
        this.securityContexts = securityContexts;
    }

    /** Scripts, styles and images of a page carry no change and show no data: they are not checked one by one. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/VAADIN/") || path.startsWith("/styles/") || path.startsWith("/icons/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = securityContexts.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof AdminPrincipal admin
                && !Boolean.TRUE.equals(accounts.sessionStands(admin).block(Duration.ofSeconds(10)))) {
            log.info("Session of admin {} ended: the admin was removed or their password changed.", admin.adminId());
            securityContexts.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
