package app.muster.security;

import app.muster.base.SecretTokens;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The first admin's password: taken from {@code MUSTER_ADMIN_PASSWORD} when it is set, otherwise generated on the
 * first start and written to the log once. No password is part of the source.
 */
@Component
public class AdminPasswords {

    private static final Logger log = LoggerFactory.getLogger(AdminPasswords.class);

    private final AdminAccounts accounts;
    private final String configuredPassword;

    AdminPasswords(AdminAccounts accounts, @Value("${muster.admin.password:}") String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    public Mono<UUID> createAdmin(UUID mspId, String username, String displayName) {
        boolean generated = configuredPassword.isBlank();
        String password = generated ? SecretTokens.newToken(18) : configuredPassword;
        return accounts.create(mspId, username, displayName, password)
                .doOnNext(id -> announce(username, password, generated));
    }

    /** On later starts, a password set in the environment replaces the stored one. */
    public Mono<Void> applyConfiguredPassword(String username) {
        if (configuredPassword.isBlank()) {
            return Mono.empty();
        }
        return accounts.changePassword(username, configuredPassword);
    }

    private static void announce(String username, String password, boolean generated) {
        if (generated) {
            log.warn(
                    "Created MSP admin {} with the generated password {} . It is shown only this once; set "
                            + "MUSTER_ADMIN_PASSWORD to choose your own.",
                    username,
                    password);
        } else {
            log.info("Created MSP admin {} with the password from MUSTER_ADMIN_PASSWORD.", username);
        }
    }
}
