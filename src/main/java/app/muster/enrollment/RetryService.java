package app.muster.enrollment;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.security.MspAdminPrincipal;
import reactor.core.publisher.Mono;

/** Retries a course enrollment that did not fully succeed; only what failed is re-run, and nobody twice. */
@Service
public class RetryService {

    private static final Logger log = LoggerFactory.getLogger(RetryService.class);

    private static final String STATUS_IN_MSP = """
            SELECT ce.status
            FROM course_enrollment ce
            JOIN enrollment_batch b ON b.id = ce.batch_id
            JOIN client_org o ON o.id = b.org_id
            WHERE ce.id = :id
              AND o.msp_id = :mspId
            """;

    private final DatabaseClient db;
    private final CourseEnrollmentFiring firing;

    RetryService(DatabaseClient db, CourseEnrollmentFiring firing) {
        this.db = db;
        this.firing = firing;
    }

    public Mono<CourseEnrollmentStatus> retry(MspAdminPrincipal admin, UUID courseEnrollmentId) {
        return db.sql(STATUS_IN_MSP)
                .bind("id", courseEnrollmentId)
                .bind("mspId", admin.mspId())
                .map(row -> CourseEnrollmentStatus.valueOf(row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFound("Course enrollment " + courseEnrollmentId)))
                .flatMap(status -> status.retryable() ? fire(admin, courseEnrollmentId)
                        : Mono.error(new Refusal("status", "Only Failed, Partial, Needs Access and Access Denied "
                                + "course enrollments can be retried; this one is " + status.label() + ".")));
    }

    private Mono<CourseEnrollmentStatus> fire(MspAdminPrincipal admin, UUID courseEnrollmentId) {
        log.info("Admin {} retries course enrollment {}.", admin.adminId(), courseEnrollmentId);
        return firing.fire(courseEnrollmentId);
    }
}
