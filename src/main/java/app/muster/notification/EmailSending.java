package app.muster.notification;

import app.muster.base.Rows;
import app.muster.learning.LearnerLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Sends the due emails of the outbox, one at a time. An email is claimed (PENDING to SENDING, in a transaction that
 * skips rows another poller holds) before it is composed and sent, and recorded as SENT right after the server
 * accepted it, so no two pollers send it and a send that failed is tried again later with growing pauses. An email
 * left SENDING by an interrupted poller may have gone out; it is given up rather than sent a second time.
 */
@Component
class EmailSending {

    static final int GIVE_UP_AFTER_ATTEMPTS = 8;
    static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(10);
    private static final int AT_MOST_PER_POLL = 500;
    private static final int ERROR_LENGTH = 1000;
    private static final Logger log = LoggerFactory.getLogger(EmailSending.class);

    private static final String NEXT_DUE = """
            SELECT id, user_id, kind, attempts
            FROM learner_email
            WHERE status = 'PENDING'
              AND next_attempt_at <= :now
            ORDER BY next_attempt_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """;

    private static final String CLAIM = """
            UPDATE learner_email
            SET status = 'SENDING',
                attempts = attempts + 1,
                claimed_at = :now
            WHERE id = :id
              AND status = 'PENDING'
            """;

    private static final String RECIPIENT = """
            SELECT u.email, u.first_name, u.status, o.id AS org_id, o.name AS org_name, o.msp_id
            FROM learner_email e
            JOIN org_user u ON u.id = e.user_id
            JOIN client_org o ON o.id = u.org_id
            WHERE e.id = :id
            """;

    private static final String COURSES = """
            SELECT c.title, ce.due_by
            FROM email_assignment ea
            JOIN learner_assignment a ON a.id = ea.assignment_id
            JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
            JOIN course c ON c.id = ce.course_id
            WHERE ea.email_id = :id
              AND a.status <> 'COMPLETED'
            ORDER BY ce.due_by, c.title
            """;

    private static final String RECORD_SENT = """
            UPDATE learner_email
            SET status = 'SENT',
                sent_at = :now,
                last_error = NULL
            WHERE id = :id
            """;

    private static final String RECORD_SKIPPED = """
            UPDATE learner_email
            SET status = 'SKIPPED'
            WHERE id = :id
            """;

    private static final String RECORD_FAILURE = """
            UPDATE learner_email
            SET status = :status,
                next_attempt_at = :nextAttemptAt,
                last_error = :lastError
            WHERE id = :id
              AND status = 'SENDING'
            """;

    private static final String INTERRUPTED = """
            SELECT id, user_id
            FROM learner_email
            WHERE status = 'SENDING'
              AND claimed_at < :claimedBefore
            """;

    private static final String GIVE_UP_INTERRUPTED = """
            UPDATE learner_email
            SET status = 'FAILED',
                last_error = :lastError
            WHERE id = :id
              AND status = 'SENDING'
              AND claimed_at < :claimedBefore
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final LearnerLinks links;
    private final LearnerMail mail;
    private final Clock clock;
    private final String publicUrl;

    EmailSending(
            DatabaseClient db,
            TransactionalOperator transaction,
            LearnerLinks links,
            LearnerMail mail,
            Clock clock,
            @Value("${muster.public-url:http://localhost:8080}") String publicUrl) {
        this.db = db;
        this.transaction = transaction;
        this.links = links;
        this.mail = mail;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Sends what is due now; returns how many emails this call sent. A failed send ends the call, so that while the
     * server is unreachable each poll spends one attempt, not one attempt of every queued email.
     */
    Mono<Long> sendDue() {
        return Mono.defer(this::giveUpInterrupted)
                .thenMany(Mono.defer(this::sendNext).repeat())
                .takeWhile(outcome -> outcome != Outcome.NOTHING_DUE)
                .takeUntil(outcome -> outcome == Outcome.FAILED)
                .take(AT_MOST_PER_POLL)
                .filter(outcome -> outcome == Outcome.SENT)
                .count();
    }

    /** The pause before the next try after the given failed attempt: 1, 5 and 30 minutes, then hourly. */
    static Duration backoff(int failedAttempt) {
        return switch (failedAttempt) {
            case 1 -> Duration.ofMinutes(1);
            case 2 -> Duration.ofMinutes(5);
            case 3 -> Duration.ofMinutes(30);
            default -> Duration.ofHours(1);
        };
    }

    private Mono<Outcome> sendNext() {
        Instant now = clock.instant();
        return transaction
                .transactional(claimNext(now))
                .flatMap(claim -> claim.won() ? send(claim) : Mono.just(Outcome.CLAIMED_ELSEWHERE))
                .defaultIfEmpty(Outcome.NOTHING_DUE);
    }

    private Mono<Claim> claimNext(Instant now) {
        return db.sql(NEXT_DUE)
                .bind("now", utc(now))
                .map(row -> new Claim(
                        row.get("id", UUID.class),
                        row.get("user_id", UUID.class),
                        EmailKind.valueOf(row.get("kind", String.class)),
                        Rows.integer(row, "attempts") + 1,
                        false))
                .one()
                .flatMap(claim -> db.sql(CLAIM)
                        .bind("id", claim.id())
                        .bind("now", utc(now))
                        .fetch()
                        .rowsUpdated()
                        .map(claimed -> claim.won(claimed == 1)));
    }

    /** Everything up to the server's acceptance may fail and be tried again; recording the send may not. */
    private Mono<Outcome> send(Claim claim) {
        return attempt(claim).onErrorResume(error -> retryLater(claim, error)).flatMap(outcome -> switch (outcome) {
            case SENT -> recordSent(claim);
            case SKIPPED -> recordSkipped(claim);
            default -> Mono.just(outcome);
        });
    }

    private Mono<Outcome> attempt(Claim claim) {
        return content(claim.id())
                .flatMap(content -> content.worthSending()
                        ? compose(claim, content).flatMap(mail::deliver).thenReturn(Outcome.SENT)
                        : Mono.just(Outcome.SKIPPED));
    }

    private Mono<Content> content(UUID emailId) {
        Mono<List<CourseLine>> courses = db.sql(COURSES)
                .bind("id", emailId)
                .map(row -> new CourseLine(row.get("title", String.class), row.get("due_by", LocalDate.class)))
                .all()
                .collectList();
        return db.sql(RECIPIENT)
                .bind("id", emailId)
                .map(row -> new Content(
                        row.get("msp_id", UUID.class),
                        row.get("org_id", UUID.class),
                        row.get("email", String.class),
                        row.get("first_name", String.class),
                        row.get("org_name", String.class),
                        "ACTIVE".equals(row.get("status", String.class)),
                        List.of()))
                .one()
                .zipWith(courses, Content::withCourses);
    }

    /** A fresh personal link goes into every email; a link in an email that never went out opens nothing. */
    private Mono<LearnerMessage> compose(Claim claim, Content content) {
        return links.issue(claim.userId()).map(token -> {
            var text = EmailText.compose(
                    claim.kind(),
                    content.firstName(),
                    content.orgName(),
                    content.courses(),
                    publicUrl + "/learn/" + token);
            return new LearnerMessage(
                    claim.id(),
                    content.mspId(),
                    content.orgId(),
                    claim.userId(),
                    content.email(),
                    text.subject(),
                    text.body());
        });
    }

    private Mono<Outcome> recordSent(Claim claim) {
        return db.sql(RECORD_SENT)
                .bind("id", claim.id())
                .bind("now", utc(clock.instant()))
                .then()
                .doOnSuccess(done -> log.info(
                        "Sent {} email {} to user {} on attempt {}.",
                        claim.kind(),
                        claim.id(),
                        claim.userId(),
                        claim.attempt()))
                .thenReturn(Outcome.SENT);
    }

    private Mono<Outcome> recordSkipped(Claim claim) {
        return db.sql(RECORD_SKIPPED)
                .bind("id", claim.id())
                .then()
                .doOnSuccess(done -> log.info(
                        "Skipped {} email {} to user {}: the user is suspended or has " + "completed its courses.",
                        claim.kind(),
                        claim.id(),
                        claim.userId()))
                .thenReturn(Outcome.SKIPPED);
    }

    private Mono<Outcome> retryLater(Claim claim, Throwable error) {
        boolean giveUp = claim.attempt() >= GIVE_UP_AFTER_ATTEMPTS;
        Instant nextAttemptAt = clock.instant().plus(backoff(claim.attempt()));
        return db.sql(RECORD_FAILURE)
                .bind("id", claim.id())
                .bind("status", giveUp ? "FAILED" : "PENDING")
                .bind("nextAttemptAt", utc(nextAttemptAt))
                .bind("lastError", describe(error))
                .then()
                .doOnSuccess(done -> {
                    if (giveUp) {
                        log.error(
                                "Sending {} email {} to user {} failed on attempt {} ({}); given up.",
                                claim.kind(),
                                claim.id(),
                                claim.userId(),
                                claim.attempt(),
                                error.getClass().getName());
                    } else {
                        log.warn(
                                "Sending {} email {} to user {} failed on attempt {} ({}); next try at {}.",
                                claim.kind(),
                                claim.id(),
                                claim.userId(),
                                claim.attempt(),
                                error.getClass().getName(),
                                nextAttemptAt);
                    }
                })
                .thenReturn(Outcome.FAILED);
    }

    private Mono<Void> giveUpInterrupted() {
        var claimedBefore = utc(clock.instant().minus(INTERRUPTED_AFTER));
        return db.sql(INTERRUPTED)
                .bind("claimedBefore", claimedBefore)
                .map(row -> new Interrupted(row.get("id", UUID.class), row.get("user_id", UUID.class)))
                .all()
                .concatMap(interrupted -> db.sql(GIVE_UP_INTERRUPTED)
                        .bind("id", interrupted.id())
                        .bind("claimedBefore", claimedBefore)
                        .bind("lastError", "Sending was interrupted; not tried again, as the email may have gone out.")
                        .fetch()
                        .rowsUpdated()
                        .filter(updated -> updated > 0)
                        .doOnNext(updated -> log.error(
                                "Email {} to user {} was interrupted while sending; given up "
                                        + "so that it is never sent twice.",
                                interrupted.id(),
                                interrupted.userId())))
                .then();
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private enum Outcome {
        SENT,
        SKIPPED,
        FAILED,
        CLAIMED_ELSEWHERE,
        NOTHING_DUE
    }

    private record Claim(UUID id, UUID userId, EmailKind kind, int attempt, boolean won) {

        Claim won(boolean claimed) {
            return new Claim(id, userId, kind, attempt, claimed);
        }
    }

    private record Content(
            UUID mspId,
            UUID orgId,
            String email,
            String firstName,
            String orgName,
            boolean active,
            List<CourseLine> courses) {

        Content withCourses(List<CourseLine> lines) {
            return new Content(mspId, orgId, email, firstName, orgName, active, lines);
        }

        boolean worthSending() {
            return active && !courses.isEmpty();
        }
    }

    private record Interrupted(UUID id, UUID userId) {}
}
