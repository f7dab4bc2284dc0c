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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Personal API tokens of MSP admins: created and revoked in the portal, shown once, stored only as a hash. A request
 * with a token acts as its admin, within the admin's MSP.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "mst_";
    private static final Logger log = LoggerFactory.getLogger(ApiTokens.class);

    private static final String INSERT = """
            INSERT INTO api_token (id, admin_id, name, token_hash, created_at)
            VALUES (:id, :adminId, :name, :tokenHash, :now)
            """;

    private static final String LIST = """
            SELECT id, name, created_at, last_used_at, revoked_at
            FROM api_token
            WHERE admin_id = :adminId
            ORDER BY created_at DESC
            """;

    private static final String REVOKE = """
            UPDATE api_token
            SET revoked_at = :now
            WHERE id = :id
              AND admin_id = :adminId
              AND revoked_at IS NULL
            """;

    private static final String ADMIN_BY_TOKEN = """
            SELECT t.id AS token_id, a.id, a.msp_id, a.username, a.display_name
            FROM api_token t
            JOIN portal_admin a ON a.id = t.admin_id
            WHERE t.token_hash = :tokenHash
              AND t.revoked_at IS NULL
              AND a.client_org_id IS NULL
              AND a.removed_at IS NULL
            """;

    private static final String LIVE = """
            SELECT COUNT(*) AS live
            FROM api_token
            WHERE token_hash = :tokenHash
              AND revoked_at IS NULL
            """;

    private static final String TOUCH = """
            UPDATE api_token
            SET last_used_at = :now
            WHERE id = :id
            """;

    private final DatabaseClient db;
    private final Clock clock;

    ApiTokens(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a token and returns it; it is shown this once and cannot be read back. */
    public Mono<String> create(AdminPrincipal admin, String name) {
        if (admin.isOrgAdmin()) {
            return Mono.error(new Refusal("admin", "API tokens are for MSP admins; org admins use the org portal."));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            return Mono.error(new Refusal(
                    "name", "Give the token a name of 1 to 200 characters, e.g. the script " + "that will use it."));
        }
        String token = PREFIX + SecretTokens.newToken(32);
        UUID id = UUID.randomUUID();
        return db.sql(INSERT)
                .bind("id", id)
                .bind("adminId", admin.adminId())
                .bind("name", name.strip())
                .bind("tokenHash", SecretTokens.hash(token))
                .bind("now", now())
                .then()
                .doOnSuccess(done -> log.info("Admin {} created API token {}.", admin.adminId(), id))
                .thenReturn(token);
    }

    public Mono<List<ApiToken>> list(AdminPrincipal admin) {
        return db.sql(LIST)
                .bind("adminId", admin.adminId())
                .map(row -> new ApiToken(
                        row.get("id", UUID.class),
                        row.get("name", String.class),
                        Rows.instant(row, "created_at"),
                        Rows.instant(row, "last_used_at"),
                        Rows.instant(row, "revoked_at")))
                .all()
                .collectList();
    }

    public Mono<Void> revoke(AdminPrincipal admin, UUID tokenId) {
        return db.sql(REVOKE)
                .bind("id", tokenId)
                .bind("adminId", admin.adminId())
                .bind("now", now())
                .fetch()
                .rowsUpdated()
                .flatMap(revoked -> revoked == 0
                        ? Mono.error(new NotFound("API token " + tokenId))
                        : Mono.fromRunnable(
                                () -> log.info("Admin {} revoked API token {}.", admin.adminId(), tokenId)));
    }

    /** Whether a token still works; an open stream ends once its token is revoked. */
    public Mono<Boolean> live(String token) {
        return db.sql(LIVE)
                .bind("tokenHash", SecretTokens.hash(token))
                .map(row -> Rows.count(row, "live") > 0)
                .one();
    }

    /** The admin a token acts as, if it is a live token. */
    Mono<AdminPrincipal> authenticate(String token) {
        return db.sql(ADMIN_BY_TOKEN)
                .bind("tokenHash", SecretTokens.hash(token))
                .map(row -> new TokenOwner(
                        row.get("token_id", UUID.class),
                        new AdminPrincipal(
                                row.get("id", UUID.class),
                                row.get("msp_id", UUID.class),
                                null,
                                row.get("username", String.class),
                                row.get("display_name", String.class),
                                "")))
                .one()
                .flatMap(owner -> db.sql(TOUCH)
                        .bind("id", owner.tokenId())
                        .bind("now", now())
                        .then()
                        .thenReturn(owner.admin()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private record TokenOwner(UUID tokenId, AdminPrincipal admin) {}
}
