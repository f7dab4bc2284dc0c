package app.muster.notification;

import app.muster.base.NotFound;
import app.muster.base.Rows;
import app.muster.base.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The mail log: learner emails written down instead of sent, so that an MSP can see what its learners would receive
 * when Muster runs without an SMTP server. Each MSP sees only the messages to its own clients' learners.
 */
@Service
public class MailLog {

    public static final int SHOWN = 200;

    private static final String RECORD = """
            INSERT INTO mail_log (id, msp_id, org_id, email_id, recipient, subject, body, logged_at)
            VALUES (:id, :mspId, :orgId, :emailId, :recipient, :subject, :body, :loggedAt)
            """;

    private static final String NEWEST = """
            SELECT l.id, l.logged_at, l.recipient, l.subject, l.body, o.name AS client_name, o.time_zone
            FROM mail_log l
            JOIN client_org o ON o.id = l.org_id
            WHERE l.msp_id = :mspId
            ORDER BY l.logged_at DESC, l.id
            LIMIT :limit
            """;

    private final Sinks.Many<UUID> logged = Sinks.many().multicast().directBestEffort();
    private final DatabaseClient db;
    private final Clock clock;

    MailLog(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Void> record(LearnerMessage message) {
        return db.sql(RECORD)
                .bind("id", UUID.randomUUID())
                .bind("mspId", message.mspId())
                .bind("orgId", message.orgId())
                .bind("emailId", message.emailId())
                .bind("recipient", message.to())
                .bind("subject", message.subject())
                .bind("body", message.body())
                .bind("loggedAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .then()
                .doOnSuccess(done ->
                        logged.emitNext(message.mspId(), Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
    }

    /** The MSP's newest logged messages, newest first; the mail log is the MSP's, not an org admin's. */
    public Mono<List<MailLogEntry>> newest(TenantScope scope) {
        if (scope.isClientOrg()) {
            return Mono.error(new NotFound("The mail log"));
        }
        return db.sql(NEWEST)
                .bind("mspId", scope.mspId())
                .bind("limit", SHOWN)
                .map(row -> new MailLogEntry(
                        row.get("id", UUID.class),
                        Rows.instant(row, "logged_at"),
                        row.get("client_name", String.class),
                        ZoneId.of(row.get("time_zone", String.class)),
                        row.get("recipient", String.class),
                        row.get("subject", String.class),
                        row.get("body", String.class)))
                .all()
                .collectList();
    }

    /** Signals each message logged for the MSP while the caller listens. */
    public Flux<UUID> changes(UUID mspId) {
        return logged.asFlux().filter(mspId::equals);
    }
}
