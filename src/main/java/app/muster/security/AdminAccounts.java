package app.muster.security;

import app.muster.base.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import reactor.core.publisher.Mono;

/**
 * Admin accounts, of MSP admins and org admins: sign-in lookups and the setting of passwords, which are only ever
 * stored hashed.
 */
@Service
public class AdminAccounts implements UserDetailsService {

    /** The shortest password an admin may choose. */
    public static final int SHORTEST_PASSWORD = 12;

    /** The longest password, in UTF-8 bytes: the password hash reads no further. */
    static final int LONGEST_PASSWORD_BYTES = 72;

    private static final Logger log = LoggerFactory.getLogger(AdminAccounts.class);

    private static final String FIND_BY_USERNAME = """
            SELECT id, msp_id, client_org_id, username, display_name, password_hash
            FROM portal_admin
            WHERE username = :username
              AND removed_at IS NULL
            """;

    private static final String INSERT_ADMIN = """
            INSERT INTO portal_admin (id, msp_id, username, display_name, password_hash)
            VALUES (:id, :mspId, :username, :displayName, :passwordHash)
            """;

    private static final String UPDATE_PASSWORD = """
            UPDATE portal_admin
            SET password_hash = :passwordHash
            WHERE username = :username
            """;

    private static final String LIVE_PASSWORD_HASH = """
            SELECT password_hash
            FROM portal_admin
            WHERE id = :id
              AND removed_at IS NULL
            """;

    private static final String PASSWORD_HASH = """
            SELECT password_hash
            FROM portal_admin
            WHERE id = :id
            """;

    private static final String REPLACE_PASSWORD = """
            UPDATE portal_admin
            SET password_hash = :newHash
            WHERE id = :id
              AND password_hash = :currentHash
            """;

    private final DatabaseClient db;
    private final PasswordEncoder passwordEncoder;
    private final SignInAttempts signInAttempts;

    /** Wrong current passwords in Change password are counted apart from sign-ins, and limited the same way. */
    private static final String PASSWORD_CHANGE = "password change";

    AdminAccounts(DatabaseClient db, PasswordEncoder passwordEncoder, SignInAttempts signInAttempts) {
        this.db = db;
        this.passwordEncoder = passwordEncoder;
        this.signInAttempts = signInAttempts;
    }

    private static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : "unknown";
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (signInAttempts.blocked(username, currentAddress())) {
            throw new LockedException("Too many failed sign-ins; try again in 15 minutes.");
        }
        return find(username.strip().toLowerCase())
                .blockOptional(Duration.ofSeconds(10))
                .orElseThrow(() -> new UsernameNotFoundException("No such admin."));
    }

    /**
     * Whether a signed-in admin's session still stands: the admin was not removed and their password is the one they
     * signed in with. A password changed elsewhere or a removal ends every other session at its next request.
     */
    public Mono<Boolean> sessionStands(AdminPrincipal admin) {
        return db.sql(LIVE_PASSWORD_HASH)
                .bind("id", admin.adminId())
                .map(row -> AdminPrincipal.stampOf(row.get("password_hash", String.class)))
                .one()
                .map(stamp -> stamp.equals(admin.credentialStamp()))
                .defaultIfEmpty(false);
    }

    /** Refuses anything further from an admin who was removed, whatever page they still have open. */
    public Mono<Void> requireNotRemoved(AdminPrincipal admin) {
        return db.sql(LIVE_PASSWORD_HASH)
                .bind("id", admin.adminId())
                .map(row -> true)
                .one()
                .switchIfEmpty(Mono.error(
                        () -> new Refusal("admin", "Your account was removed, so this change was not made.")))
                .then();
    }

    public Mono<AdminPrincipal> find(String username) {
        return db.sql(FIND_BY_USERNAME)
                .bind("username", username)
                .map(row -> new AdminPrincipal(
                        row.get("id", UUID.class),
                        row.get("msp_id", UUID.class),
                        row.get("client_org_id", UUID.class),
                        row.get("username", String.class),
                        row.get("display_name", String.class),
                        row.get("password_hash", String.class)))
                .one();
    }

    public Mono<UUID> create(UUID mspId, String username, String displayName, String password) {
        UUID id = UUID.randomUUID();
        return db.sql(INSERT_ADMIN)
                .bind("id", id)
                .bind("mspId", mspId)
                .bind("username", username.toLowerCase())
                .bind("displayName", displayName)
                .bind("passwordHash", passwordEncoder.encode(password))
                .then()
                .thenReturn(id);
    }

    public Mono<Void> changePassword(String username, String password) {
        return db.sql(UPDATE_PASSWORD)
                .bind("username", username.toLowerCase())
                .bind("passwordHash", passwordEncoder.encode(password))
                .then();
    }

    /**
     * Changes the signed-in admin's own password, once they have given the current one. The new password is at least
     * {@value #SHORTEST_PASSWORD} characters, differs from the current one and is typed twice alike; a refusal names
     * the field concerned: {@code currentPassword}, {@code newPassword} or {@code confirmation}.
     */
    public Mono<Void> changeOwnPassword(
            AdminPrincipal admin, String currentPassword, String newPassword, String confirmation) {
        if (signInAttempts.blocked(admin.getUsername(), PASSWORD_CHANGE)) {
            return Mono.error(
                    new Refusal("currentPassword", "Too many wrong current passwords: try again in 15 minutes."));
        }
        return Mono.fromRunnable(() -> requireAcceptable(currentPassword, newPassword, confirmation))
                .then(replacePassword(admin, currentPassword, newPassword))
                .filter(updated -> updated == 1)
                .switchIfEmpty(Mono.error(() -> {
                    signInAttempts.failed(admin.getUsername(), PASSWORD_CHANGE);
                    return new Refusal("currentPassword", "This is not your current password.");
                }))
                .doOnNext(updated -> signInAttempts.succeeded(admin.getUsername(), PASSWORD_CHANGE))
                .doOnNext(updated -> log.info("Admin {} changed their password.", admin.adminId()))
                .then();
    }

    /** Replaces the stored hash only while it is still the one the current password was checked against. */
    private Mono<Long> replacePassword(AdminPrincipal admin, String currentPassword, String newPassword) {
        return db.sql(PASSWORD_HASH)
                .bind("id", admin.adminId())
                .map(row -> row.get("password_hash", String.class))
                .one()
                .filter(currentHash -> passwordEncoder.matches(currentPassword, currentHash))
                .flatMap(currentHash -> db.sql(REPLACE_PASSWORD)
                        .bind("newHash", passwordEncoder.encode(newPassword))
                        .bind("id", admin.adminId())
                        .bind("currentHash", currentHash)
                        .fetch()
                        .rowsUpdated());
    }

    private static void requireAcceptable(String currentPassword, String newPassword, String confirmation) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw new Refusal("currentPassword", "Enter your current password.");
        }
        if (newPassword == null || newPassword.isBlank() || newPassword.length() < SHORTEST_PASSWORD) {
            throw new Refusal("newPassword", "Choose a new password of at least " + SHORTEST_PASSWORD + " characters.");
        }
        if (newPassword.getBytes(StandardCharsets.UTF_8).length > LONGEST_PASSWORD_BYTES) {
            throw new Refusal(
                    "newPassword",
                    "Choose a new password of at most " + LONGEST_PASSWORD_BYTES
                            + " characters; letters outside A to Z count as two or more.");
        }
        if (newPassword.equals(currentPassword)) {
            throw new Refusal("newPassword", "Choose a new password that differs from your current one.");
        }
        if (!newPassword.equals(confirmation)) {
            throw new Refusal("confirmation", "This does not match the new password; type it again.");
        }
    }
}
