package app.muster.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API request in as the MSP admin whose live personal token it carries, in the security context that the
 * rest of the filter chain reads.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    /** The request attribute holding the token a request was signed in with. */
    public static final String TOKEN = "muster.apiToken";

    private static final String BEARER = "Bearer ";

    private final ApiTokens apiTokens;
    private final SecurityContextHolderStrategy securityContexts;

    ApiTokenFilter(ApiTokens apiTokens, SecurityContextHolderStrategy securityContexts) {
        this.apiTokens = apiTokens;
        this.securityContexts = securityContexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith(BEARER) && header.length() > BEARER.length()) {
            String token = header.substring(BEARER.length()).strip();
            request.setAttribute(TOKEN, token);
            apiTokens.authenticate(token).blockOptional(Duration.ofSeconds(10)).ifPresent(this::signIn);
        }
        chain.doFilter(request, response);
    }

    private void signIn(AdminPrincipal admin) {
        var context = securityContexts.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        securityContexts.setContext(context);
    }
}
