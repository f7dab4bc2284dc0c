package app.muster.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Limits guessing: after five failed sign-ins for one user name from one address within 15 minutes, that address
 * may not sign in as that user until the oldest failure is 15 minutes old. A successful sign-in clears the count.
 */
@Component
public class SignInAttempts {

    static final int ALLOWED_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInAttempts(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String username, String address) {
        Deque<Instant> recent = failures.get(key(username, address));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size() >= ALLOWED_FAILURES;
        }
    }

    public void failed(String username, String address) {
        Deque<Instant> recent = failures.computeIfAbsent(key(username, address), key -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent);
            recent.addLast(clock.instant());
            if (recent.size() == ALLOWED_FAILURES) {
                log.warn("Sign-in paused for 15 minutes after {} failures from one address.", ALLOWED_FAILURES);
            }
        }
    }

    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        failed(
                String.valueOf(event.getAuthentication().getPrincipal()),
                address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        succeeded(
                event.getAuthentication().getName(),
                address(event.getAuthentication().getDetails()));
    }

    private void forgetOld(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.pollFirst();
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    }

    /** Lifts every pause of one user name, from any address: their MSP gave them a new password. */
    public void forgive(String username) {
        String prefix = key(username, "");
        failures.keySet().removeIf(key -> key.startsWith(prefix));
    }

    private static String key(String username, String address) {
        return username.strip().toLowerCase(Locale.ROOT) + "|" + address;
    }
}
