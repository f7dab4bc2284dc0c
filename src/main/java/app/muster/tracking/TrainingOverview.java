package app.muster.tracking;

import app.muster.base.NotFound;
import app.muster.base.Rows;
import app.muster.base.TenantScope;
import app.muster.directory.ClientOrgs;
import app.muster.directory.TrainingState;
import app.muster.enrollment.BatchStatus;
import app.muster.enrollment.CourseEnrollmentStatus;
import app.muster.enrollment.TargetMode;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The read side of the training pages, always scoped to the caller's MSP. */
@Service
public class TrainingOverview {

    private static final String CLIENT_ROWS = """
            SELECT o.id, o.name, o.training_state,
                   COALESCE(t.batches, 0) AS batches,
                   COALESCE(t.course_enrollments, 0) AS course_enrollments,
                   COALESCE(t.completed, 0) AS completed,
                   COALESCE(t.scheduled, 0) AS scheduled,
                   COALESCE(t.failed, 0) AS failed,
                   COALESCE(t.learner_assignments, 0) AS learner_assignments,
                   COALESCE(t.learners_completed, 0) AS learners_completed
            FROM client_org o
            LEFT JOIN client_training_totals t ON t.org_id = o.id
            WHERE o.msp_id = :mspId
            ORDER BY o.name
            """;

    private static final String BATCH_ROWS = """
            SELECT b.id, b.name, b.created_at, ce.status, ce.enroll_on
            FROM enrollment_batch b
            JOIN client_org o ON o.id = b.org_id
            JOIN course_enrollment ce ON ce.batch_id = b.id
            WHERE o.msp_id = :mspId
              AND b.org_id = :orgId
            ORDER BY b.created_at DESC, b.id
            """;

    private static final String BATCH = """
            SELECT b.id, b.name, b.target_mode, b.enrollment_email, b.reminder_emails, b.created_at
            FROM enrollment_batch b
            JOIN client_org o ON o.id = b.org_id
            WHERE o.msp_id = :mspId
              AND b.org_id = :orgId
              AND b.id = :batchId
            """;

    private static final String COURSE_ENROLLMENTS = """
            SELECT ce.id, ce.course_id, c.title, ce.status, ce.enroll_on, ce.due_by, ce.learners_assigned,
                   ce.learners_completed, ce.attempts, ce.last_error, ce.updated_at
            FROM course_enrollment ce
            JOIN course c ON c.id = ce.course_id
            WHERE ce.batch_id = :batchId
            ORDER BY ce.enroll_on, c.title
            """;

    private static final String LEARNERS = """
            SELECT u.id, u.org_id, u.first_name, u.last_name, u.email, a.status, a.score, a.completed_at
            FROM learner_assignment a
            JOIN org_user u ON u.id = a.user_id
            JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
            JOIN enrollment_batch b ON b.id = ce.batch_id
            JOIN client_org o ON o.id = b.org_id
            WHERE a.course_enrollment_id = :courseEnrollmentId
              AND o.msp_id = :mspId
            ORDER BY u.last_name, u.first_name
            """;

    private final DatabaseClient db;
    private final ClientOrgs clientOrgs;

    TrainingOverview(DatabaseClient db, ClientOrgs clientOrgs) {
        this.db = db;
        this.clientOrgs = clientOrgs;
    }

    /** Every client of the MSP with its totals; an org admin's scope sees only their own client's row. */
    public Mono<TrainingDashboard> dashboard(TenantScope scope) {
        return db.sql(CLIENT_ROWS)
                .bind("mspId", scope.mspId())
                .map(TrainingOverview::toClientRow)
                .all()
                .filter(row -> scope.reaches(row.orgId()))
                .collectList()
                .map(rows -> new TrainingDashboard(
                        rows.stream().map(ClientTrainingRow::totals).reduce(TrainingTotals.NONE, TrainingTotals::plus),
                        rows));
    }

    public Mono<ClientTraining> client(TenantScope scope, UUID orgId) {
        return clientOrgs
                .find(scope, orgId)
                .flatMap(org -> db.sql(BATCH_ROWS)
                        .bind("mspId", scope.mspId())
                        .bind("orgId", orgId)
                        .map(BatchCourse::of)
                        .all()
                        .collectList()
                        .map(courses -> new ClientTraining(org, BatchCourse.toBatchRows(courses))));
    }

    public Mono<BatchDetail> batch(TenantScope scope, UUID orgId, UUID batchId) {
        return clientOrgs
                .find(scope, orgId)
                .flatMap(org -> db.sql(BATCH)
                        .bind("mspId", scope.mspId())
                        .bind("orgId", orgId)
                        .bind("batchId", batchId)
                        .map(BatchHeader::of)
                        .one()
                        .switchIfEmpty(Mono.error(() -> new NotFound("Batch " + batchId)))
                        .flatMap(header -> courseEnrollments(batchId)
                                .map(courses -> new BatchDetail(
                                        batchId,
                                        header.name(),
                                        org,
                                        header.targetMode(),
                                        header.enrollmentEmail(),
                                        header.reminderEmails(),
                                        header.createdAt(),
                                        courses))));
    }

    /** The learners assigned to one course enrollment within reach; none for another MSP's or org's. */
    public Mono<List<LearnerRow>> learners(TenantScope scope, UUID courseEnrollmentId) {
        return db.sql(LEARNERS)
                .bind("mspId", scope.mspId())
                .bind("courseEnrollmentId", courseEnrollmentId)
                .map(row -> Map.entry(
                        row.get("org_id", UUID.class),
                        new LearnerRow(
                                row.get("id", UUID.class),
                                row.get("first_name", String.class) + " " + row.get("last_name", String.class),
                                row.get("email", String.class),
                                row.get("status", String.class),
                                row.get("score", Integer.class),
                                Rows.instant(row, "completed_at"))))
                .all()
                .filter(learner -> scope.reaches(learner.getKey()))
                .map(Map.Entry::getValue)
                .collectList();
    }

    private Mono<List<CourseEnrollmentRow>> courseEnrollments(UUID batchId) {
        return db.sql(COURSE_ENROLLMENTS)
                .bind("batchId", batchId)
                .map(row -> new CourseEnrollmentRow(
                        row.get("id", UUID.class),
                        row.get("course_id", String.class),
                        row.get("title", String.class),
                        CourseEnrollmentStatus.valueOf(row.get("status", String.class)),
                        row.get("enroll_on", LocalDate.class),
                        row.get("due_by", LocalDate.class),
                        Rows.integer(row, "learners_assigned"),
                        Rows.integer(row, "learners_completed"),
                        Rows.integer(row, "attempts"),
                        row.get("last_error", String.class),
                        Rows.instant(row, "updated_at")))
                .all()
                .collectList();
    }

    private static ClientTrainingRow toClientRow(Readable row) {
        var totals = new TrainingTotals(
                Rows.count(row, "course_enrollments"),
                Rows.count(row, "completed"),
                Rows.count(row, "scheduled"),
                Rows.count(row, "failed"),
                Rows.count(row, "learner_assignments"),
                Rows.count(row, "learners_completed"));
        return new ClientTrainingRow(
                row.get("id", UUID.class),
                row.get("name", String.class),
                TrainingState.valueOf(row.get("training_state", String.class)),
                Rows.count(row, "batches"),
                totals);
    }

    private record BatchHeader(
            String name, TargetMode targetMode, boolean enrollmentEmail, boolean reminderEmails, Instant createdAt) {

        static BatchHeader of(Readable row) {
            return new BatchHeader(
                    row.get("name", String.class),
                    TargetMode.valueOf(row.get("target_mode", String.class)),
                    Boolean.TRUE.equals(row.get("enrollment_email", Boolean.class)),
                    Boolean.TRUE.equals(row.get("reminder_emails", Boolean.class)),
                    Rows.instant(row, "created_at"));
        }
    }

    /** One course of one batch, as read; folded into batch rows. */
    private record BatchCourse(
            UUID batchId, String name, Instant createdAt, CourseEnrollmentStatus status, LocalDate enrollOn) {

        static BatchCourse of(Readable row) {
            return new BatchCourse(
                    row.get("id", UUID.class),
                    row.get("name", String.class),
                    Rows.instant(row, "created_at"),
                    CourseEnrollmentStatus.valueOf(row.get("status", String.class)),
                    row.get("enroll_on", LocalDate.class));
        }

        static List<BatchRow> toBatchRows(List<BatchCourse> courses) {
            Map<UUID, List<BatchCourse>> byBatch = new LinkedHashMap<>();
            courses.forEach(course -> byBatch.computeIfAbsent(course.batchId(), id -> new ArrayList<>())
                    .add(course));
            return byBatch.values().stream().map(BatchCourse::toBatchRow).toList();
        }

        private static BatchRow toBatchRow(List<BatchCourse> courses) {
            BatchCourse first = courses.getFirst();
            var status =
                    BatchStatus.of(courses.stream().map(BatchCourse::status).toList());
            LocalDate next = courses.stream()
                    .filter(course -> course.status() == CourseEnrollmentStatus.SCHEDULED)
                    .map(BatchCourse::enrollOn)
                    .min(LocalDate::compareTo)
                    .orElse(null);
            return new BatchRow(first.batchId(), first.name(), courses.size(), status, next, first.createdAt());
        }
    }
}
