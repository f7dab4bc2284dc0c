package app.muster.enrollment;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps each client org's running training totals, so that the dashboard reads one row per client instead of
 * counting every course enrollment on each view. Every change to a client's batches takes the client's totals row
 * first and recounts it before committing, in the same transaction, so the totals cannot drift.
 */
@Component
public class TrainingTotalsKeeper {

    private static final String ENSURE = """
            INSERT INTO client_training_totals (org_id)
            VALUES (:orgId)
            ON CONFLICT DO NOTHING
            """;

    private static final String LOCK = """
            SELECT org_id
            FROM client_training_totals
            WHERE org_id = :orgId
            FOR UPDATE
            """;

    private static final String COURSES_OF_ORG = """
            FROM course_enrollment ce
            JOIN enrollment_batch b ON b.id = ce.batch_id
            WHERE b.org_id = client_training_totals.org_id""";

    private static final String RECOUNT = """
            UPDATE client_training_totals
            SET batches = (SELECT COUNT(*) FROM enrollment_batch b WHERE b.org_id = client_training_totals.org_id),
                course_enrollments = (SELECT COUNT(*) %1$s),
                completed = (SELECT COUNT(*) %1$s AND ce.status = 'COMPLETED'),
                scheduled = (SELECT COUNT(*) %1$s AND ce.status = 'SCHEDULED'),
                failed = (SELECT COUNT(*) %1$s
                          AND ce.status IN ('FAILED', 'PARTIAL', 'NEEDS_ACCESS', 'ACCESS_DENIED')),
                learner_assignments = (SELECT COALESCE(SUM(ce.learners_assigned), 0) %1$s),
                learners_completed = (SELECT COALESCE(SUM(ce.learners_completed), 0) %1$s)
            """.formatted(COURSES_OF_ORG);

    private static final String RECOUNT_ORG = RECOUNT + "WHERE org_id = :orgId";

    private static final String ENSURE_MSP = """
            INSERT INTO client_training_totals (org_id)
            SELECT id FROM client_org WHERE msp_id = :mspId
            ON CONFLICT DO NOTHING
            """;

    private static final String RECOUNT_MSP = RECOUNT + """
            WHERE org_id IN (SELECT id FROM client_org WHERE msp_id = :mspId)""";

    private final DatabaseClient db;

    TrainingTotalsKeeper(DatabaseClient db) {
        this.db = db;
    }

    /** Takes the client's totals row for the rest of the transaction; call it before changing the client's batches. */
    Mono<Void> lock(UUID orgId) {
        return db.sql(ENSURE)
                .bind("orgId", orgId)
                .then()
                .then(db.sql(LOCK).bind("orgId", orgId).fetch().first().then());
    }

    /** Recounts every client of an MSP, for data written outside Muster's services (imports, benchmarks). */
    public Mono<Void> recountAll(UUID mspId) {
        return db.sql(ENSURE_MSP)
                .bind("mspId", mspId)
                .then()
                .then(db.sql(RECOUNT_MSP).bind("mspId", mspId).then());
    }

    /** Recounts the client's totals from its course enrollments; call it after the change, before the commit. */
    Mono<Void> recount(UUID orgId) {
        return db.sql(RECOUNT_ORG).bind("orgId", orgId).then();
    }
}
