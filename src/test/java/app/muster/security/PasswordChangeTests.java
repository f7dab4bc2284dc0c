package app.muster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.muster.MusterTest;
import app.muster.TestTenants;
import app.muster.base.Refusal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An admin changes their own password; sign-in then takes the new password and refuses the old one. */
@MusterTest
class PasswordChangeTests {

    static final String NEW_PASSWORD = "lighthouse-harbor-42";

    @Autowired
    TestTenants tenants;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    OrgAdmins orgAdmins;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void anOrgAdminReplacesTheGeneratedPasswordAndOnlyTheNewOneSignsIn() {
        Account orgAdmin = newOrgAdmin();
        assertThat(signsIn(orgAdmin.email(), orgAdmin.password())).isTrue();

        accounts.changeOwnPassword(orgAdmin.principal(), orgAdmin.password(), NEW_PASSWORD, NEW_PASSWORD)
                .block();

        assertThat(signsIn(orgAdmin.email(), NEW_PASSWORD)).isTrue();
        assertThat(signsIn(orgAdmin.email(), orgAdmin.password())).isFalse();
    }

    @Test
    void anMspAdminChangesTheirPasswordTooAndTwelveCharactersAreEnough() {
        String email = "msp-admin-" + suffix() + "@demo-msp.example";
        String first = "first-password-" + suffix();
        accounts.create(tenants.demoAdmin().mspId(), email, "Second MSP admin", first)
                .block();
        AdminPrincipal mspAdmin = accounts.find(email).block();

        accounts.changeOwnPassword(mspAdmin, first, "twelve-chars", "twelve-chars")
                .block();

        assertThat(signsIn(email, "twelve-chars")).isTrue();
        assertThat(signsIn(email, first)).isFalse();
    }

    @Test
    void aWrongCurrentPasswordIsRefusedOnItsFieldAndChangesNothing() {
        Account orgAdmin = newOrgAdmin();

        assertThatThrownBy(() -> accounts.changeOwnPassword(
                                orgAdmin.principal(), "not-the-password", NEW_PASSWORD, NEW_PASSWORD)
                        .block())
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("currentPassword");
                    assertThat(refusal.getMessage()).isEqualTo("This is not your current password.");
                });

        assertThat(signsIn(orgAdmin.email(), orgAdmin.password())).isTrue();
        assertThat(signsIn(orgAdmin.email(), NEW_PASSWORD)).isFalse();
    }

    @Test
    void fiveWrongCurrentPasswordsPauseChangesEvenWithTheRightOne() {
        Account orgAdmin = newOrgAdmin();
        for (int attempt = 0; attempt < SignInAttempts.ALLOWED_FAILURES; attempt++) {
            assertThatThrownBy(() -> accounts.changeOwnPassword(
                                    orgAdmin.principal(), "guess-" + suffix(), NEW_PASSWORD, NEW_PASSWORD)
                            .block())
                    .hasMessage("This is not your current password.");
        }

        assertThatThrownBy(() -> accounts.changeOwnPassword(
                                orgAdmin.principal(), orgAdmin.password(), NEW_PASSWORD, NEW_PASSWORD)
                        .block())
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("currentPassword");
                    assertThat(refusal.getMessage()).startsWith("Too many wrong current passwords");
                });
        assertThat(signsIn(orgAdmin.email(), orgAdmin.password())).isTrue();
        assertThat(signsIn(orgAdmin.email(), NEW_PASSWORD)).isFalse();
    }

    /** CURRENT stands for the admin's current password. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "''      | lighthouse-harbor-42 | lighthouse-harbor-42 | currentPassword | Enter your current password.",
                "NULL    | lighthouse-harbor-42 | lighthouse-harbor-42 | currentPassword | Enter your current password.",
                "CURRENT | eleven-char          | eleven-char          | newPassword     | at least 12 characters",
                "CURRENT | '             '      | '             '      | newPassword     | at least 12 characters",
                "CURRENT | CURRENT              | CURRENT              | newPassword     | differs from your current",
                "CURRENT | lighthouse-harbor-42 | lighthouse-harbor-24 | confirmation    | does not match",
                "CURRENT | lighthouse-harbor-42 | NULL                 | confirmation    | does not match"
            })
    void anUnacceptablePasswordIsRefusedOnItsFieldAndChangesNothing(
            String current, String wanted, String confirmed, String field, String message) {
        Account orgAdmin = newOrgAdmin();

        assertThatThrownBy(() -> accounts.changeOwnPassword(
                                orgAdmin.principal(),
                                orgAdmin.stand(current),
                                orgAdmin.stand(wanted),
                                orgAdmin.stand(confirmed))
                        .block())
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo(field);
                    assertThat(refusal.getMessage()).contains(message);
                });

        assertThat(signsIn(orgAdmin.email(), orgAdmin.password())).isTrue();
    }

    @Test
    void aPasswordLongerThanTheHashReadsIsRefused() {
        Account orgAdmin = newOrgAdmin();
        String tooLong = "é".repeat(37);

        assertThatThrownBy(() -> accounts.changeOwnPassword(orgAdmin.principal(), orgAdmin.password(), tooLong, tooLong)
                        .block())
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("newPassword");
                    assertThat(refusal.getMessage()).contains("at most 72 characters");
                });

        assertThat(signsIn(orgAdmin.email(), orgAdmin.password())).isTrue();
    }

    /** Signs in as the sign-in form does: the accounts' user lookup and the password encoder. */
    private boolean signsIn(String username, String password) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwordEncoder);
        try {
            provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            return true;
        } catch (BadCredentialsException refused) {
            return false;
        }
    }

    private Account newOrgAdmin() {
        String email = "org-admin-" + suffix() + "@client.example";
        var added = orgAdmins
                .add(tenants.demoAdmin(), tenants.demoClient("Acme Industries").id(), email, "Org Admin")
                .block();
        return new Account(email, added.password(), accounts.find(email).block());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private record Account(String email, String password, AdminPrincipal principal) {

        String stand(String value) {
            return "CURRENT".equals(value) ? password : value;
        }
    }
}
