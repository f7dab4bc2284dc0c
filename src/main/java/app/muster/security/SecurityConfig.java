package app.muster.security;

import app.muster.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

@Configuration
@EnableWebSecurity
class SecurityConfig {

    private static final String UNAUTHORIZED = """
            {"type":"https://muster.example/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"Send a personal API token as 'Authorization: Bearer <token>'. Create one under API tokens."}""";

    /** The REST API: stateless, personal API tokens only, problem details when refused. */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http, ApiTokens apiTokens, ObjectProvider<SecurityContextHolderStrategy> securityContexts)
            throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new ApiTokenFilter(
                                apiTokens,
                                securityContexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                                .permitAll()
                                .anyRequest()
                                .hasRole(AdminPrincipal.MSP_ADMIN))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, refused) -> {
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getWriter().write(UNAUTHORIZED);
                }))
                .build();
    }

    /** The pages: Vaadin's sign-in flow; the xAPI endpoint, styles and API description are open. */
    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, AdminAccounts accounts, ObjectProvider<SecurityContextHolderStrategy> securityContexts)
            throws Exception {
        http.addFilterBefore(
                new AdminSessionCheck(
                        accounts, securityContexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                AuthorizationFilter.class);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/styles/**", "/xapi/**", "/error", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/xapi/**"));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
