package app.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInAttemptsTests {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T09:00:00Z"));
    final SignInAttempts attempts = new SignInAttempts(clock);

    @Test
    void pausesAnAddressAfterFiveFailuresForOneUserName() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("admin@demo-msp.example", "10.0.0.7");
        }
        assertThat(attempts.blocked("admin@demo-msp.example", "10.0.0.7")).isFalse();

        attempts.failed("ADMIN@demo-msp.example", "10.0.0.7");

        assertThat(attempts.blocked("admin@demo-msp.example", "10.0.0.7")).isTrue();
        assertThat(attempts.blocked("admin@demo-msp.example", "10.0.0.8"))
                .as("another address")
                .isFalse();
    }

    @Test
    void letsTheAddressTryAgainOnceTheFailuresAreFifteenMinutesOld() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("admin@demo-msp.example", "10.0.0.7");
        }

        clock.set(clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(1));

        assertThat(attempts.blocked("admin@demo-msp.example", "10.0.0.7")).isFalse();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("admin@demo-msp.example", "10.0.0.7");
        }

        attempts.succeeded("admin@demo-msp.example", "10.0.0.7");
        attempts.failed("admin@demo-msp.example", "10.0.0.7");

        assertThat(attempts.blocked("admin@demo-msp.example", "10.0.0.7")).isFalse();
    }
}
