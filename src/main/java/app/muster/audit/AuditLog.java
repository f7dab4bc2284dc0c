package app.muster.audit;

import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.base.Rows;
import app.muster.base.TenantScope;
import app.muster.security.AdminPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import reactor.core.publisher.Mono;

/**
 * The audit log of an MSP: every change made through the pages or the API, with who made it, when, and from where
 * (the portal or the API, and the address the request came from). Admins read their own MSP's log only.
 */
@Service
public class AuditLog {

    private static final int SHOWN = 500;

    private static final String INSERT = """
            INSERT INTO audit_event (id, msp_id, admin_id, actor, action, detail, origin, at)
            SELECT :id, :mspId, a.id, :actor, :action, :detail, :origin, :at
            FROM portal_admin a
            WHERE a.id = :adminId
              AND a.removed_at IS NULL
            """;

    private static final String LATEST = """
            SELECT at, actor, action, detail, origin
            FROM audit_event
            WHERE msp_id = :mspId
            ORDER BY at DESC
            LIMIT :limit
            """;

    private final DatabaseClient db;
    private final Clock clock;

    AuditLog(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records a change. Call it where the change is requested: the origin is read from the current request then,
     * and the record is written when the returned Mono is subscribed. A removed admin's change is refused here, as
     * every change records itself before it is made.
     */
    public Mono<Void> record(AdminPrincipal admin, String action, String detail) {
        String origin = origin();
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return db.sql(INSERT)
                .bind("id", UUID.randomUUID())
                .bind("mspId", admin.mspId())
                .bind("adminId", admin.adminId())
                .bind("actor", admin.getUsername())
                .bind("action", action)
                .bind("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail)
                .bind("origin", origin)
                .bind("at", at)
                .fetch()
                .rowsUpdated()
                .flatMap(written -> written == 0
                        ? Mono.error(new Refusal("admin", "Your account was removed, so this change was not made."))
                        : Mono.empty());
    }

    /** The MSP's newest audit events; the audit log is the MSP's, not an org admin's. */
    public Mono<List<AuditEvent>> latest(TenantScope scope) {
        if (scope.isClientOrg()) {
            return Mono.error(new NotFound("The audit log"));
        }
        return db.sql(LATEST)
                .bind("mspId", scope.mspId())
                .bind("limit", SHOWN)
                .map(row -> new AuditEvent(
                        Rows.instant(row, "at"),
                        row.get("actor", String.class),
                        row.get("action", String.class),
                        row.get("detail", String.class),
                        row.get("origin", String.class)))
                .all()
                .collectList();
    }

    private static String origin() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "Muster";
        }
        var request = attributes.getRequest();
        String channel = request.getRequestURI().startsWith("/api/") ? "API" : "portal";
        return channel + " from " + request.getRemoteAddr();
    }
}
