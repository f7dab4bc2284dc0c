package app.muster.notification;

import app.muster.base.Rows;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts learner emails into the outbox when the batches' toggles ask for them. Assignments waiting for an enrollment
 * email become one email per learner, at most one an hour; a due date three days away or reached today becomes one
 * reminder per learner. Each learner's emails are queued while their {@code mail_recipient} row is locked, so two
 * pollers never queue the same email twice, and an assignment is in at most one email of each kind.
 */
@Component
class PendingEmails {

    static final Duration ENROLLMENT_SPACING = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(PendingEmails.class);

    private static final String AWAITING_ENROLLMENT_EMAIL = """
            SELECT a.id, a.user_id, a.assigned_at
            FROM learner_assignment a
            JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
            JOIN enrollment_batch b ON b.id = ce.batch_id
            JOIN org_user u ON u.id = a.user_id
            WHERE b.enrollment_email = TRUE
              AND a.status <> 'COMPLETED'
              AND u.status = 'ACTIVE'
              AND NOT EXISTS (
                    SELECT 1
                    FROM email_assignment ea
                    WHERE ea.assignment_id = a.id
                      AND ea.kind = 'ENROLLMENT')
              AND NOT EXISTS (
                    SELECT 1
                    FROM learner_email e
                    WHERE e.user_id = a.user_id
                      AND e.kind = 'ENROLLMENT'
                      AND (e.status IN ('PENDING', 'SENDING')
                           OR e.sent_at > :spacingStart
                           OR (e.status = 'FAILED' AND e.claimed_at > :spacingStart)))
            ORDER BY a.user_id, a.id
            """;

    private static final String AWAITING_REMINDER = """
            SELECT a.id, a.user_id, ce.due_by, o.time_zone
            FROM learner_assignment a
            JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
            JOIN enrollment_batch b ON b.id = ce.batch_id
            JOIN client_org o ON o.id = b.org_id
            JOIN org_user u ON u.id = a.user_id
            WHERE b.reminder_emails = TRUE
              AND a.status <> 'COMPLETED'
              AND u.status = 'ACTIVE'
              AND ce.due_by BETWEEN :earliest AND :latest
              AND NOT EXISTS (
                    SELECT 1
                    FROM email_assignment ea
                    WHERE ea.assignment_id = a.id
                      AND ea.kind = :kind)
            ORDER BY a.user_id, a.id
            """;

    private static final String ADD_RECIPIENT = """
            INSERT INTO mail_recipient (user_id)
            VALUES (:userId)
            ON CONFLICT DO NOTHING
            """;

    private static final String LOCK_RECIPIENT = """
            SELECT user_id
            FROM mail_recipient
            WHERE user_id = :userId
            FOR UPDATE
            """;

    private static final String ENROLLMENT_EMAILS_IN_SPACING = """
            SELECT COUNT(*) AS n
            FROM learner_email e
            WHERE e.user_id = :userId
              AND e.kind = 'ENROLLMENT'
              AND (e.status IN ('PENDING', 'SENDING')
                   OR e.sent_at > :spacingStart
                   OR (e.status = 'FAILED' AND e.claimed_at > :spacingStart))
            """;

    private static final String INSERT_EMAIL = """
            INSERT INTO learner_email (id, user_id, kind, status, created_at, next_attempt_at)
            VALUES (:id, :userId, :kind, 'PENDING', :now, :now)
            """;

    private static final String COVER_ASSIGNMENT = """
            INSERT INTO email_assignment (email_id, assignment_id, kind)
            VALUES (:emailId, :assignmentId, :kind)
            ON CONFLICT DO NOTHING
            """;

    private static final String DISCARD_EMAIL = """
            DELETE FROM learner_email
            WHERE id = :id
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Duration enrollmentDelay;

    PendingEmails(
            DatabaseClient db,
            TransactionalOperator transaction,
            @Value("${muster.mail.enrollment-delay:PT1M}") Duration enrollmentDelay) {
        this.db = db;
        this.transaction = transaction;
        this.enrollmentDelay = enrollmentDelay;
    }

    /** Queues every email due at this instant; returns how many it queued. */
    Mono<Long> queue(Instant now) {
        return Flux.concat(enrollmentEmails(now), reminders(now))
                .concatMap(pending -> create(pending, now).onErrorResume(error -> {
                    log.warn(
                            "Queueing a {} email for user {} failed; the next poll tries again.",
                            pending.kind(),
                            pending.userId(),
                            error);
                    return Mono.just(false);
                }))
                .filter(created -> created)
                .count()
                .doOnNext(queued -> {
                    if (queued > 0) {
                        log.info("Queued {} learner emails.", queued);
                    }
                });
    }

    /** Learners whose latest waiting assignment is older than the delay, so that courses firing together go as one. */
    private Flux<Pending> enrollmentEmails(Instant now) {
        return db.sql(AWAITING_ENROLLMENT_EMAIL)
                .bind("spacingStart", utc(now.minus(ENROLLMENT_SPACING)))
                .map(row -> new Waiting(
                        row.get("user_id", UUID.class), Rows.count(row, "id"), Rows.instant(row, "assigned_at")))
                .all()
                .bufferUntilChanged(Waiting::userId)
                .filter(waiting -> waiting.stream()
                        .map(Waiting::assignedAt)
                        .allMatch(at -> !at.isAfter(now.minus(enrollmentDelay))))
                .map(waiting -> new Pending(
                        waiting.getFirst().userId(),
                        EmailKind.ENROLLMENT,
                        waiting.stream().map(Waiting::assignmentId).toList()));
    }

    private Flux<Pending> reminders(Instant now) {
        return Flux.fromIterable(EmailKind.REMINDERS).concatMap(kind -> reminders(kind, now));
    }

    /**
     * Due dates are days in each client's own time zone; every zone's today lies within a day of today in UTC, so the
     * query narrows to that window and each row is then checked against its own client's today.
     */
    private Flux<Pending> reminders(EmailKind kind, Instant now) {
        LocalDate dueInUtc = kind.dueBy(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return db.sql(AWAITING_REMINDER)
                .bind("earliest", dueInUtc.minusDays(1))
                .bind("latest", dueInUtc.plusDays(1))
                .bind("kind", kind.name())
                .map(row -> new Reminded(
                        row.get("user_id", UUID.class),
                        Rows.count(row, "id"),
                        row.get("due_by", LocalDate.class),
                        ZoneId.of(row.get("time_zone", String.class))))
                .all()
                .filter(reminded -> reminded.dueBy().equals(kind.dueBy(LocalDate.ofInstant(now, reminded.zone()))))
                .bufferUntilChanged(Reminded::userId)
                .map(reminded -> new Pending(
                        reminded.getFirst().userId(),
                        kind,
                        reminded.stream().map(Reminded::assignmentId).toList()));
    }

    private Mono<Boolean> create(Pending pending, Instant now) {
        UUID emailId = UUID.randomUUID();
        Mono<Boolean> work = lockRecipient(pending.userId())
                .then(allowed(pending, now))
                .flatMap(allowed -> allowed ? insertAndCover(emailId, pending, now) : Mono.just(false));
        return db.sql(ADD_RECIPIENT)
                .bind("userId", pending.userId())
                .then()
                .then(transaction.transactional(work))
                .doOnNext(created -> {
                    if (created) {
                        log.debug(
                                "Queued {} email {} for user {} about {} assignments.",
                                pending.kind(),
                                emailId,
                                pending.userId(),
                                pending.assignmentIds().size());
                    }
                });
    }

    private Mono<Void> lockRecipient(UUID userId) {
        return db.sql(LOCK_RECIPIENT).bind("userId", userId).fetch().all().then();
    }

    /** Within the lock: no enrollment email while another is on its way or went out less than an hour ago. */
    private Mono<Boolean> allowed(Pending pending, Instant now) {
        if (pending.kind().reminder()) {
            return Mono.just(true);
        }
        return db.sql(ENROLLMENT_EMAILS_IN_SPACING)
                .bind("userId", pending.userId())
                .bind("spacingStart", utc(now.minus(ENROLLMENT_SPACING)))
                .map(row -> Rows.count(row, "n"))
                .one()
                .map(emails -> emails == 0);
    }

    private Mono<Void> insert(UUID emailId, Pending pending, Instant now) {
        return db.sql(INSERT_EMAIL)
                .bind("id", emailId)
                .bind("userId", pending.userId())
                .bind("kind", pending.kind().name())
                .bind("now", utc(now))
                .then();
    }

    /** An email covering the assignments no other email of its kind covers yet; none if that leaves nothing. */
    private Mono<Boolean> insertAndCover(UUID emailId, Pending pending, Instant now) {
        return insert(emailId, pending, now)
                .then(cover(emailId, pending))
                .flatMap(covered ->
                        covered > 0 ? Mono.just(true) : discard(emailId).thenReturn(false));
    }

    private Mono<Long> cover(UUID emailId, Pending pending) {
        return Flux.fromIterable(pending.assignmentIds())
                .concatMap(assignmentId -> db.sql(COVER_ASSIGNMENT)
                        .bind("emailId", emailId)
                        .bind("assignmentId", assignmentId)
                        .bind("kind", pending.kind().name())
                        .fetch()
                        .rowsUpdated())
                .reduce(0L, Long::sum);
    }

    private Mono<Void> discard(UUID emailId) {
        return db.sql(DISCARD_EMAIL).bind("id", emailId).then();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Waiting(UUID userId, long assignmentId, Instant assignedAt) {}

    private record Reminded(UUID userId, long assignmentId, LocalDate dueBy, ZoneId zone) {}

    private record Pending(UUID userId, EmailKind kind, List<Long> assignmentIds) {}
}
