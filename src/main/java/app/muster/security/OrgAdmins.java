package app.muster.security;

import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.base.Rows;
import app.muster.base.SecretTokens;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Org admins: a client's own people, added by an MSP admin of that client's MSP. They sign in to the org portal and
 * reach their one client org. Their first password is generated, shown once to the MSP admin, and stored hashed.
 */
@Service
public class OrgAdmins {

    private static final Logger log = LoggerFactory.getLogger(OrgAdmins.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final String INSERT = """
            INSERT INTO portal_admin (id, msp_id, client_org_id, username, display_name, password_hash)
            SELECT :id, o.msp_id, o.id, :username, :displayName, :passwordHash
            FROM client_org o
            WHERE o.id = :orgId
              AND o.msp_id = :mspId
            """;

    private static final String LIST = """
            SELECT a.id, a.username, a.display_name
            FROM portal_admin a
            JOIN client_org o ON o.id = a.client_org_id
            WHERE a.client_org_id = :orgId
              AND o.msp_id = :mspId
              AND a.removed_at IS NULL
            ORDER BY a.display_name, a.username
            """;

    /** Frees the email for a later org admin; launches and audit events keep naming the removed one by id. */
    private static final String REMOVE = """
            UPDATE portal_admin
            SET removed_at = :now,
                username = CONCAT('removed-', CAST(id AS VARCHAR(36)), '-', username)
            WHERE id = :adminId
              AND client_org_id = :orgId
              AND msp_id = :mspId
              AND removed_at IS NULL
            """;

    private static final String USERNAME_OF = """
            SELECT username
            FROM portal_admin
            WHERE id = :adminId
            """;

    private static final String RESET_PASSWORD = """
            UPDATE portal_admin
            SET password_hash = :passwordHash
            WHERE id = :adminId
              AND client_org_id = :orgId
              AND msp_id = :mspId
              AND removed_at IS NULL
            """;

    private static final String USERNAME_TAKEN = """
            SELECT COUNT(*) AS taken
            FROM portal_admin
            WHERE username = :username
            """;

    private final DatabaseClient db;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SignInAttempts signInAttempts;

    OrgAdmins(DatabaseClient db, PasswordEncoder passwordEncoder, Clock clock, SignInAttempts signInAttempts) {
        this.db = db;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.signInAttempts = signInAttempts;
    }

    /** An org admin of one client, as listed on the client's page. */
    public record OrgAdmin(UUID id, String email, String displayName) {}

    /** A new org admin and the password to hand them, which cannot be read back later. */
    public record NewOrgAdmin(OrgAdmin admin, String password) {}

    /** The client's org admins by name; another MSP's client has none, and another org is not reached. */
    public Mono<List<OrgAdmin>> list(AdminPrincipal admin, UUID orgId) {
        return admin.scope()
                .within(orgId)
                .then(db.sql(LIST)
                        .bind("orgId", orgId)
                        .bind("mspId", admin.mspId())
                        .map(row -> new OrgAdmin(
                                row.get("id", UUID.class),
                                row.get("username", String.class),
                                row.get("display_name", String.class)))
                        .all()
                        .collectList());
    }

    /** Adds an org admin to a client of the MSP admin's own MSP; org admins cannot add admins. */
    public Mono<NewOrgAdmin> add(AdminPrincipal admin, UUID orgId, String email, String displayName) {
        if (admin.isOrgAdmin()) {
            return Mono.error(new Refusal("admin", "Only an MSP admin can add org admins."));
        }
        String username = email == null ? "" : email.strip().toLowerCase();
        String name = displayName == null ? "" : displayName.strip();
        if (!EMAIL.matcher(username).matches()) {
            return Mono.error(new Refusal("email", "Enter the org admin's email address, like name@client.example."));
        }
        if (username.length() > 254 || username.indexOf('@') > 64) {
            return Mono.error(new Refusal(
                    "email", "This email address is too long: at most 64 characters before the @ and 254 in all."));
        }
        if (name.isEmpty() || name.length() > 200) {
            return Mono.error(new Refusal("name", "Enter the org admin's name, 1 to 200 characters."));
        }
        UUID id = UUID.randomUUID();
        String password = SecretTokens.newToken(18);
        return db.sql(USERNAME_TAKEN)
                .bind("username", username)
                .map(row -> Rows.count(row, "taken") > 0)
                .one()
                .flatMap(taken -> taken
                        ? Mono.error(alreadyTaken(username))
                        : db.sql(INSERT)
                                .bind("id", id)
                                .bind("username", username)
                                .bind("displayName", name)
                                .bind("passwordHash", passwordEncoder.encode(password))
                                .bind("orgId", orgId)
                                .bind("mspId", admin.mspId())
                                .fetch()
                                .rowsUpdated())
                .onErrorMap(DataIntegrityViolationException.class, error -> alreadyTaken(username))
                .flatMap(inserted -> inserted == 0
                        ? Mono.error(new NotFound("Client org " + orgId))
                        : Mono.just(new NewOrgAdmin(new OrgAdmin(id, username, name), password)))
                .doOnNext(
                        added -> log.info("Admin {} added org admin {} to client org {}.", admin.adminId(), id, orgId));
    }

    /**
     * Removes an org admin of one of the MSP's clients: they cannot sign in any more, and a session they have open
     * ends at its next request. Their email can be given to a new org admin.
     */
    public Mono<Void> remove(AdminPrincipal admin, UUID orgId, UUID orgAdminId) {
        if (admin.isOrgAdmin()) {
            return Mono.error(new Refusal("admin", "Only an MSP admin can remove org admins."));
        }
        return db.sql(REMOVE)
                .bind("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .bind("adminId", orgAdminId)
                .bind("orgId", orgId)
                .bind("mspId", admin.mspId())
                .fetch()
                .rowsUpdated()
                .flatMap(removed -> removed == 0
                        ? Mono.error(new NotFound("Org admin " + orgAdminId))
                        : Mono.fromRunnable(() -> log.info(
                                "Admin {} removed org admin {} of client org {}.",
                                admin.adminId(),
                                orgAdminId,
                                orgId)));
    }

    /**
     * Gives an org admin a new generated password, for one who lost theirs: it is returned to be shown once, the old
     * one stops working, and their open sessions end.
     */
    public Mono<String> resetPassword(AdminPrincipal admin, UUID orgId, UUID orgAdminId) {
        if (admin.isOrgAdmin()) {
            return Mono.error(new Refusal("admin", "Only an MSP admin can give an org admin a new password."));
        }
        String password = SecretTokens.newToken(18);
        return db.sql(RESET_PASSWORD)
                .bind("passwordHash", passwordEncoder.encode(password))
                .bind("adminId", orgAdminId)
                .bind("orgId", orgId)
                .bind("mspId", admin.mspId())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 0
                        ? Mono.error(new NotFound("Org admin " + orgAdminId))
                        : db.sql(USERNAME_OF)
                                .bind("adminId", orgAdminId)
                                .map(row -> row.get("username", String.class))
                                .one())
                .doOnNext(signInAttempts::forgive)
                .thenReturn(password)
                .doOnNext(reset -> log.info(
                        "Admin {} gave org admin {} of client org {} a new password.",
                        admin.adminId(),
                        orgAdminId,
                        orgId));
    }

    private static Refusal alreadyTaken(String username) {
        return new Refusal("email", "An admin with the email " + username + " already exists in Muster.");
    }
}
