package app.muster.enrollment;

import app.muster.audit.AuditLog;
import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.catalog.CourseLibrary;
import app.muster.security.AdminPrincipal;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Retries a course enrollment that did not fully succeed; only what failed is re-run, and nobody twice. */
@Service
public class RetryService {

    private static final Logger log = LoggerFactory.getLogger(RetryService.class);

    private static final String STATUS_IN_MSP = """
            SELECT ce.status, ce.course_id, b.org_id
            FROM course_enrollment ce
            JOIN enrollment_batch b ON b.id = ce.batch_id
            JOIN client_org o ON o.id = b.org_id
            WHERE ce.id = :id
              AND o.msp_id = :mspId
            """;

    private final DatabaseClient db;
    private final CourseEnrollmentFiring firing;
    private final CourseLibrary courseLibrary;
    private final AuditLog auditLog;

    RetryService(DatabaseClient db, CourseEnrollmentFiring firing, CourseLibrary courseLibrary, AuditLog auditLog) {
        this.db = db;
        this.firing = firing;
        this.courseLibrary = courseLibrary;
        this.auditLog = auditLog;
    }

    /**
     * Retries a row. A row that has meanwhile succeeded (a second admin, a double click) is left as it is and its
     * status returned; a row that has not fired yet is refused.
     */
    public Mono<CourseEnrollmentStatus> retry(AdminPrincipal admin, UUID courseEnrollmentId) {
        Mono<Void> audited = auditLog.record(admin, "Retry", "Course enrollment " + courseEnrollmentId);
        return find(admin, courseEnrollmentId)
                .flatMap(row -> row.status().retryable()
                        ? audited.then(fire(admin, courseEnrollmentId))
                        : Mono.just(row.status()));
    }

    /** For a Needs Access row: enables the course for the client, then retries the row. */
    public Mono<CourseEnrollmentStatus> enableCourseAndRetry(AdminPrincipal admin, UUID courseEnrollmentId) {
        if (admin.isOrgAdmin()) {
            return Mono.error(new Refusal(
                    "course", "Only your MSP can enable a course for your organization; ask them to enable it."));
        }
        Mono<Void> audited =
                auditLog.record(admin, "Enable course and retry", "Course enrollment " + courseEnrollmentId);
        return find(admin, courseEnrollmentId)
                .filter(row -> row.status().retryable())
                .flatMap(row -> audited.then(courseLibrary.grantAccess(admin.mspId(), row.orgId(), row.courseId()))
                        .doOnSuccess(done -> log.info(
                                "Admin {} enabled course {} for client org {}.",
                                admin.adminId(),
                                row.courseId(),
                                row.orgId())))
                .then(fire(admin, courseEnrollmentId));
    }

    private Mono<RetryableRow> find(AdminPrincipal admin, UUID courseEnrollmentId) {
        return db.sql(STATUS_IN_MSP)
                .bind("id", courseEnrollmentId)
                .bind("mspId", admin.mspId())
                .map(row -> new RetryableRow(
                        CourseEnrollmentStatus.valueOf(row.get("status", String.class)),
                        row.get("course_id", String.class),
                        row.get("org_id", UUID.class)))
                .one()
                .filter(row -> admin.scope().reaches(row.orgId()))
                .switchIfEmpty(Mono.error(() -> new NotFound("Course enrollment " + courseEnrollmentId)))
                .flatMap(row -> row.status().fired()
                        ? Mono.just(row)
                        : Mono.error(new Refusal(
                                "status",
                                "This course has not enrolled yet, so there is nothing to "
                                        + "retry; it enrolls on its Enroll on date.")));
    }

    private record RetryableRow(CourseEnrollmentStatus status, String courseId, UUID orgId) {}

    private Mono<CourseEnrollmentStatus> fire(AdminPrincipal admin, UUID courseEnrollmentId) {
        log.info("Admin {} retries course enrollment {}.", admin.adminId(), courseEnrollmentId);
        return firing.fire(courseEnrollmentId);
    }
}
