package app.muster.security;

import java.time.Duration;
import java.util.UUID;
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

/** MSP admin accounts: sign-in lookups and the setting of passwords, which are only ever stored hashed. */
@Service
public class AdminAccounts implements UserDetailsService {

    private static final String FIND_BY_USERNAME = """
            SELECT id, msp_id, client_org_id, username, display_name, password_hash
            FROM portal_admin
            WHERE username = :username
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

    private final DatabaseClient db;
    private final PasswordEncoder passwordEncoder;
    private final SignInAttempts signInAttempts;

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
}
