package app.muster.learning;

import app.muster.audit.AuditLog;
import app.muster.base.NotFound;
import app.muster.base.Rows;
import app.muster.base.SecretTokens;
import app.muster.base.TenantScope;
import app.muster.security.AdminPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Personal learner links: a long random token that opens a learner's own page. Only the token's hash is stored;
 * a revoked link stops working at once.
 */
@Service
public class LearnerLinks {

    private static final Logger log = LoggerFactory.getLogger(LearnerLinks.class);

    private static final String INSERT_LINK = """
            INSERT INTO learner_link (id, user_id, token_hash, created_at)
            VALUES (:id, :userId, :tokenHash, :now)
            """;

    private static final String LEARNER_BY_TOKEN = """
            SELECT u.id, u.org_id, u.first_name, u.last_name, o.name AS org_name
            FROM learner_link l
            JOIN org_user u ON u.id = l.user_id
            JOIN client_org o ON o.id = u.org_id
            WHERE l.token_hash = :tokenHash
              AND l.revoked_at IS NULL
              AND u.status = 'ACTIVE'
            """;

    private static final String REVOKE_ALL = """
            UPDATE learner_link
            SET revoked_at = :now
            WHERE user_id = :userId
              AND revoked_at IS NULL
            """;

    private static final String USER_IN_MSP = """
            SELECT u.id, u.org_id
            FROM org_user u
            JOIN client_org o ON o.id = u.org_id
            WHERE u.id = :userId
              AND o.msp_id = :mspId
            """;

    private static final String ASSIGNMENTS_OF_USER = """
            SELECT a.id, ce.course_id, c.title, c.minutes, ce.due_by, a.status, a.score, a.completed_at
            FROM learner_assignment a
            JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
            JOIN course c ON c.id = ce.course_id
            WHERE a.user_id = :userId
            ORDER BY CASE WHEN a.status = 'COMPLETED' THEN 1 ELSE 0 END, ce.due_by, c.title
            """;

    private final DatabaseClient db;
    private final AuditLog auditLog;
    private final Clock clock;

    LearnerLinks(DatabaseClient db, AuditLog auditLog, Clock clock) {
        this.db = db;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Issues a new link for a user and returns its token, which is shown or sent once and never stored. */
    public Mono<String> issue(UUID userId) {
        String token = SecretTokens.newToken(32);
        return db.sql(INSERT_LINK)
                .bind("id", UUID.randomUUID())
                .bind("userId", userId)
                .bind("tokenHash", SecretTokens.hash(token))
                .bind("now", now())
                .then()
                .doOnSuccess(done -> log.info("Learner link issued for user {}.", userId))
                .thenReturn(token);
    }

    /** Issues a link for a user of one of the MSP's clients; another MSP's user is not found. */
    public Mono<String> issueFor(AdminPrincipal admin, UUID userId) {
        Mono<Void> audited = auditLog.record(admin, "Learner link issued", "User " + userId);
        return userInReach(admin.scope(), userId).flatMap(user -> audited.then(issue(user)));
    }

    /** Revokes every link of a user of one of the MSP's clients. */
    public Mono<Long> revokeFor(AdminPrincipal admin, UUID userId) {
        Mono<Void> audited = auditLog.record(admin, "Learner links revoked", "User " + userId);
        return userInReach(admin.scope(), userId).flatMap(user -> audited.then(revokeAll(user)));
    }

    private Mono<UUID> userInReach(TenantScope scope, UUID userId) {
        return db.sql(USER_IN_MSP)
                .bind("userId", userId)
                .bind("mspId", scope.mspId())
                .map(row -> Map.entry(row.get("id", UUID.class), row.get("org_id", UUID.class)))
                .one()
                .filter(user -> scope.reaches(user.getValue()))
                .map(Map.Entry::getKey)
                .switchIfEmpty(Mono.error(() -> new NotFound("User " + userId)));
    }

    public Mono<Learner> learner(String token) {
        return db.sql(LEARNER_BY_TOKEN)
                .bind("tokenHash", SecretTokens.hash(token))
                .map(row -> new Learner(
                        row.get("id", UUID.class),
                        row.get("org_id", UUID.class),
                        row.get("first_name", String.class),
                        row.get("last_name", String.class),
                        row.get("org_name", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFound("This learner link")));
    }

    public Mono<List<LearnerAssignmentView>> assignments(String token) {
        return learner(token)
                .flatMap(learner -> db.sql(ASSIGNMENTS_OF_USER)
                        .bind("userId", learner.userId())
                        .map(row -> new LearnerAssignmentView(
                                Rows.count(row, "id"),
                                row.get("course_id", String.class),
                                row.get("title", String.class),
                                Rows.integer(row, "minutes"),
                                row.get("due_by", LocalDate.class),
                                row.get("status", String.class),
                                row.get("score", Integer.class),
                                Rows.instant(row, "completed_at")))
                        .all()
                        .collectList());
    }

    /** The assignment, if it is one of this link's learner's own. */
    public Mono<LearnerAssignmentView> assignment(String token, long assignmentId) {
        return assignments(token)
                .flatMapIterable(all -> all)
                .filter(view -> view.assignmentId() == assignmentId)
                .next()
                .switchIfEmpty(Mono.error(() -> new NotFound("This course")));
    }

    public Mono<Long> revokeAll(UUID userId) {
        return db.sql(REVOKE_ALL)
                .bind("userId", userId)
                .bind("now", now())
                .fetch()
                .rowsUpdated()
                .doOnNext(revoked -> log.info("Revoked {} learner links of user {}.", revoked, userId));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
