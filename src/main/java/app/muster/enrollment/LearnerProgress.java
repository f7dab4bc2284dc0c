package app.muster.enrollment;

import app.muster.base.NotFound;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records what learners do with their assignments: a completion (with its score) or a failed attempt. A course
 * enrollment becomes Completed when its last assigned learner completes. Completing twice changes nothing.
 */
@Service
public class LearnerProgress {

    private static final Logger log = LoggerFactory.getLogger(LearnerProgress.class);

    private static final String ASSIGNMENT = """
            SELECT a.id, a.course_enrollment_id, a.status, b.id AS batch_id, b.org_id, o.msp_id
            FROM learner_assignment a
            JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
            JOIN enrollment_batch b ON b.id = ce.batch_id
            JOIN client_org o ON o.id = b.org_id
            WHERE a.id = :id
            """;

    private static final String LOCK_COURSE_ENROLLMENT = """
            SELECT id
            FROM course_enrollment
            WHERE id = :id
            FOR UPDATE
            """;

    private static final String COMPLETE = """
            UPDATE learner_assignment
            SET status = 'COMPLETED', completed_at = :now, score = :score, attempts = attempts + 1,
                last_attempt_at = :now
            WHERE id = :id
              AND status <> 'COMPLETED'
            """;

    private static final String FAILED_ATTEMPT = """
            UPDATE learner_assignment
            SET status = 'IN_PROGRESS', score = :score, attempts = attempts + 1, last_attempt_at = :now
            WHERE id = :id
              AND status <> 'COMPLETED'
            """;

    private static final String COUNT_COMPLETED = """
            UPDATE course_enrollment
            SET learners_completed = (
                    SELECT COUNT(*)
                    FROM learner_assignment a
                    WHERE a.course_enrollment_id = course_enrollment.id
                      AND a.status = 'COMPLETED'),
                updated_at = :now
            WHERE id = :id
            """;

    private static final String COMPLETE_WHEN_ALL_DONE = """
            UPDATE course_enrollment
            SET status = 'COMPLETED'
            WHERE id = :id
              AND status = 'ENROLLED'
              AND learners_assigned > 0
              AND learners_completed = learners_assigned
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final TrainingEvents events;
    private final TrainingTotalsKeeper totals;
    private final Clock clock;

    LearnerProgress(
            DatabaseClient db,
            TransactionalOperator transaction,
            TrainingEvents events,
            TrainingTotalsKeeper totals,
            Clock clock) {
        this.db = db;
        this.transaction = transaction;
        this.events = events;
        this.totals = totals;
        this.clock = clock;
    }

    /** Completes an assignment; emits true when this call completed it, false when it was already completed. */
    public Mono<Boolean> complete(long assignmentId, Integer score) {
        return record(assignmentId, COMPLETE, score).doOnNext(changed -> {
            if (changed) {
                log.info("Learner assignment {} completed with score {}.", assignmentId, score);
            }
        });
    }

    /** Records an attempt that did not pass; the assignment stays open. */
    public Mono<Boolean> failedAttempt(long assignmentId, Integer score) {
        return record(assignmentId, FAILED_ATTEMPT, score)
                .doOnNext(changed ->
                        log.info("Learner assignment {} attempt failed with score {}.", assignmentId, score));
    }

    private Mono<Boolean> record(long assignmentId, String sql, Integer score) {
        return assignment(assignmentId)
                .flatMap(assignment -> transaction
                        .transactional(db.sql(LOCK_COURSE_ENROLLMENT)
                                .bind("id", assignment.courseEnrollmentId())
                                .fetch()
                                .first()
                                .then(totals.lock(assignment.orgId()))
                                .then(bindScore(
                                                db.sql(sql)
                                                        .bind("id", assignmentId)
                                                        .bind("now", now()),
                                                score)
                                        .fetch()
                                        .rowsUpdated())
                                .flatMap(updated -> recount(assignment.courseEnrollmentId())
                                        .then(totals.recount(assignment.orgId()))
                                        .thenReturn(updated > 0)))
                        .doOnNext(changed -> {
                            if (changed) {
                                events.publish(new TrainingChanged(
                                        assignment.mspId(), assignment.orgId(), assignment.batchId()));
                            }
                        }));
    }

    private static DatabaseClient.GenericExecuteSpec bindScore(DatabaseClient.GenericExecuteSpec spec, Integer score) {
        return score == null ? spec.bindNull("score", Integer.class) : spec.bind("score", score);
    }

    private Mono<Void> recount(UUID courseEnrollmentId) {
        return db.sql(COUNT_COMPLETED)
                .bind("id", courseEnrollmentId)
                .bind("now", now())
                .then()
                .then(db.sql(COMPLETE_WHEN_ALL_DONE)
                        .bind("id", courseEnrollmentId)
                        .then());
    }

    private Mono<Assignment> assignment(long assignmentId) {
        return db.sql(ASSIGNMENT)
                .bind("id", assignmentId)
                .map(Assignment::of)
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFound("Learner assignment " + assignmentId)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private record Assignment(UUID courseEnrollmentId, UUID batchId, UUID orgId, UUID mspId) {

        static Assignment of(Readable row) {
            return new Assignment(
                    row.get("course_enrollment_id", UUID.class),
                    row.get("batch_id", UUID.class),
                    row.get("org_id", UUID.class),
                    row.get("msp_id", UUID.class));
        }
    }
}
