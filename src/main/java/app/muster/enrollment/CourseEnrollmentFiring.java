package app.muster.enrollment;

import app.muster.base.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Fires one course enrollment: resolves its targeted active users at this moment and assigns each of them once.
 * The row is locked while it fires, so a retry racing the scheduler or a second admin never assigns anyone twice.
 */
@Component
class CourseEnrollmentFiring {

    private static final Logger log = LoggerFactory.getLogger(CourseEnrollmentFiring.class);

    private static final String LOCK = """
            SELECT status
            FROM course_enrollment
            WHERE id = :id
            FOR UPDATE
            """;

    private static final String CONTEXT = """
            SELECT ce.batch_id, ce.course_id, b.org_id, b.target_mode, o.msp_id, o.name AS org_name,
                   o.training_state,
                   c.title AS course_title,
                   (SELECT COUNT(*)
                    FROM org_course_access a
                    WHERE a.org_id = b.org_id
                      AND a.course_id = ce.course_id) AS access_count
            FROM course_enrollment ce
            JOIN enrollment_batch b ON b.id = ce.batch_id
            JOIN client_org o ON o.id = b.org_id
            JOIN course c ON c.id = ce.course_id
            WHERE ce.id = :id
            """;

    private static final String TARGET_GROUPS = """
            SELECT group_id, included
            FROM batch_target_group
            WHERE batch_id = :batchId
            """;

    private static final String TARGET_USERS = """
            SELECT t.user_id, u.status
            FROM batch_target_user t
            JOIN org_user u ON u.id = t.user_id
            WHERE t.batch_id = :batchId
            """;

    private static final String ASSIGN_TARGETED_USERS = """
            INSERT INTO learner_assignment (course_enrollment_id, user_id, status, assigned_at, registration)
            SELECT :id, u.id, 'ASSIGNED', :now, gen_random_uuid()
            FROM org_user u
            WHERE NOT EXISTS (
                    SELECT 1
                    FROM learner_assignment la
                    WHERE la.course_enrollment_id = :id
                      AND la.user_id = u.id)
              AND \s""" + TargetedUsers.CONDITION;

    private static final String COUNT_ASSIGNED = """
            SELECT COUNT(*) AS assigned
            FROM learner_assignment
            WHERE course_enrollment_id = :id
            """;

    private static final String RECORD_OUTCOME = """
            UPDATE course_enrollment
            SET status = :status,
                learners_assigned = :assigned,
                last_error = :lastError,
                attempts = attempts + 1,
                fired_at = COALESCE(fired_at, :now),
                updated_at = :now
            WHERE id = :id
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final TrainingEvents events;
    private final TrainingTotalsKeeper totals;
    private final Clock clock;

    CourseEnrollmentFiring(
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

    /** Fires a Scheduled row, or re-runs a retryable one; any other row is left as it is. */
    Mono<CourseEnrollmentStatus> fire(UUID courseEnrollmentId) {
        Mono<Outcome> work = lock(courseEnrollmentId)
                .filter(status -> status == CourseEnrollmentStatus.SCHEDULED || status.retryable())
                .flatMap(status -> context(courseEnrollmentId))
                .flatMap(context -> totals.lock(context.orgId())
                        .then(decide(courseEnrollmentId, context))
                        .flatMap(outcome -> totals.recount(context.orgId()).thenReturn(outcome)));
        return transaction
                .transactional(work)
                .doOnNext(outcome -> announce(courseEnrollmentId, outcome))
                .map(Outcome::status)
                .switchIfEmpty(lock(courseEnrollmentId));
    }

    private Mono<CourseEnrollmentStatus> lock(UUID id) {
        return db.sql(LOCK)
                .bind("id", id)
                .map(row -> CourseEnrollmentStatus.valueOf(row.get("status", String.class)))
                .one();
    }

    private Mono<FiringContext> context(UUID id) {
        return db.sql(CONTEXT)
                .bind("id", id)
                .map(row -> new FiringContext(
                        row.get("batch_id", UUID.class),
                        row.get("org_id", UUID.class),
                        TargetMode.valueOf(row.get("target_mode", String.class)),
                        row.get("msp_id", UUID.class),
                        row.get("org_name", String.class),
                        "READY".equals(row.get("training_state", String.class)),
                        row.get("course_title", String.class),
                        Rows.count(row, "access_count") > 0))
                .one();
    }

    private Mono<Outcome> decide(UUID id, FiringContext context) {
        if (!context.trainingReady()) {
            return record(
                    id,
                    context,
                    CourseEnrollmentStatus.ACCESS_DENIED,
                    0,
                    "Delivery was refused: training " + "access for " + context.orgName()
                            + " was revoked before this course enrolled.");
        }
        if (!context.courseEnabled()) {
            return record(
                    id,
                    context,
                    CourseEnrollmentStatus.NEEDS_ACCESS,
                    0,
                    context.orgName()
                            + " does not have " + context.courseTitle()
                            + " enabled. Enable the course for this client, "
                            + "then retry.");
        }
        return assign(id, context);
    }

    private Mono<Targeting> targeting(FiringContext context) {
        Mono<List<Map.Entry<UUID, Boolean>>> groups = db.sql(TARGET_GROUPS)
                .bind("batchId", context.batchId())
                .map(row -> Map.entry(
                        row.get("group_id", UUID.class), Boolean.TRUE.equals(row.get("included", Boolean.class))))
                .all()
                .collectList();
        return Mono.zip(groups, chosenUsers(context))
                .map(found -> new Targeting(
                        context.targetMode(),
                        groupIds(found.getT1(), true),
                        groupIds(found.getT1(), false),
                        found.getT2().keySet()));
    }

    /** The individually chosen users of the batch, and whether each is still active. */
    private Mono<Map<UUID, Boolean>> chosenUsers(FiringContext context) {
        return db.sql(TARGET_USERS)
                .bind("batchId", context.batchId())
                .map(row -> Map.entry(row.get("user_id", UUID.class), "ACTIVE".equals(row.get("status", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static Set<UUID> groupIds(List<Map.Entry<UUID, Boolean>> groups, boolean included) {
        return groups.stream()
                .filter(group -> group.getValue() == included)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private Mono<Outcome> assign(UUID id, FiringContext context) {
        return targeting(context)
                .flatMap(targeting -> TargetedUsers.bind(db.sql(ASSIGN_TARGETED_USERS), context.orgId(), targeting)
                        .bind("id", id)
                        .bind("now", now())
                        .fetch()
                        .rowsUpdated()
                        .then(db.sql(COUNT_ASSIGNED)
                                .bind("id", id)
                                .map(row -> Rows.count(row, "assigned"))
                                .one())
                        .flatMap(assigned -> outcome(id, context, targeting, assigned)));
    }

    private Mono<Outcome> outcome(UUID id, FiringContext context, Targeting targeting, long assigned) {
        long unassignable = targeting.mode() == TargetMode.INDIVIDUAL_USERS
                ? targeting.users().size() - assigned
                : 0;
        if (assigned == 0) {
            return record(
                    id,
                    context,
                    CourseEnrollmentStatus.FAILED,
                    0,
                    "No active user of " + context.orgName()
                            + " matches this batch's targeting, so nobody was assigned.");
        }
        if (unassignable > 0) {
            return record(
                    id,
                    context,
                    CourseEnrollmentStatus.PARTIAL,
                    assigned,
                    unassignable + " of the "
                            + targeting.users().size() + " chosen users could not be assigned: they are suspended in "
                            + context.orgName() + ". Reactivate them, then retry.");
        }
        return record(id, context, CourseEnrollmentStatus.ENROLLED, assigned, null);
    }

    private Mono<Outcome> record(
            UUID id, FiringContext context, CourseEnrollmentStatus status, long assigned, String lastError) {
        var update = db.sql(RECORD_OUTCOME)
                .bind("id", id)
                .bind("status", status.name())
                .bind("assigned", (int) assigned)
                .bind("now", now());
        update = lastError == null ? update.bindNull("lastError", String.class) : update.bind("lastError", lastError);
        return update.then().thenReturn(new Outcome(context, status, assigned));
    }

    private void announce(UUID id, Outcome outcome) {
        FiringContext context = outcome.context();
        if (outcome.status().retryable()) {
            log.warn(
                    "Course enrollment {} of batch {} (client org {}) fired as {}.",
                    id,
                    context.batchId(),
                    context.orgId(),
                    outcome.status());
        } else {
            log.info(
                    "Course enrollment {} of batch {} (client org {}) fired: {} learners assigned.",
                    id,
                    context.batchId(),
                    context.orgId(),
                    outcome.assigned());
        }
        events.publish(new TrainingChanged(context.mspId(), context.orgId(), context.batchId()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private record FiringContext(
            UUID batchId,
            UUID orgId,
            TargetMode targetMode,
            UUID mspId,
            String orgName,
            boolean trainingReady,
            String courseTitle,
            boolean courseEnabled) {}

    private record Outcome(FiringContext context, CourseEnrollmentStatus status, long assigned) {}
}
