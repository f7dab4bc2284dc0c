package app.muster.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Everything an MSP has, read straight from the database: its clients and their course access, users, groups,
 * batches, course enrollments, learner assignments, learner links, admins and API tokens. Two equal snapshots taken
 * around a refused change show that the change changed nothing.
 */
@Component
class TenantSnapshot {

    private static final String CLIENTS = """
            SELECT o.id, o.name, o.time_zone, o.training_state
            FROM client_org o
            WHERE o.msp_id = :mspId
            ORDER BY o.id
            """;

    private static final String COURSE_ACCESS = """
            SELECT a.org_id, a.course_id
            FROM org_course_access a
            JOIN client_org o ON o.id = a.org_id
            WHERE o.msp_id = :mspId
            ORDER BY a.org_id, a.course_id
            """;

    private static final String USERS = """
            SELECT u.id, u.org_id, u.email, u.first_name, u.last_name, u.status
            FROM org_user u
            JOIN client_org o ON o.id = u.org_id
            WHERE o.msp_id = :mspId
            ORDER BY u.id
            """;

    private static final String GROUPS = """
            SELECT g.id, g.org_id, g.name
            FROM user_group g
            JOIN client_org o ON o.id = g.org_id
            WHERE o.msp_id = :mspId
            ORDER BY g.id
            """;

    private static final String MEMBERSHIPS = """
            SELECT m.group_id, m.user_id
            FROM group_membership m
            JOIN user_group g ON g.id = m.group_id
            JOIN client_org o ON o.id = g.org_id
            WHERE o.msp_id = :mspId
            ORDER BY m.group_id, m.user_id
            """;

    private static final String BATCHES = """
            SELECT b.id, b.org_id, b.name, b.target_mode, b.enrollment_email, b.reminder_emails
            FROM enrollment_batch b
            JOIN client_org o ON o.id = b.org_id
            WHERE o.msp_id = :mspId
            ORDER BY b.id
            """;

    private static final String TARGETS = """
            SELECT t.batch_id, t.group_id, t.included
            FROM batch_target_group t
            JOIN enrollment_batch b ON b.id = t.batch_id
            JOIN client_org o ON o.id = b.org_id
            WHERE o.msp_id = :mspId
            ORDER BY t.batch_id, t.group_id
            """;

    private static final String TARGETED_USERS = """
            SELECT t.batch_id, t.user_id
            FROM batch_target_user t
            JOIN enrollment_batch b ON b.id = t.batch_id
            JOIN client_org o ON o.id = b.org_id
            WHERE o.msp_id = :mspId
            ORDER BY t.batch_id, t.user_id
            """;

    private static final String COURSE_ENROLLMENTS = """
            SELECT ce.id, ce.batch_id, ce.course_id, ce.status, ce.attempts, ce.learners_assigned,
                   ce.learners_completed, ce.last_error, ce.updated_at
            FROM course_enrollment ce
            JOIN enrollment_batch b ON b.id = ce.batch_id
            JOIN client_org o ON o.id = b.org_id
            WHERE o.msp_id = :mspId
            ORDER BY ce.id
            """;

    private static final String ASSIGNMENTS = """
            SELECT a.id, a.course_enrollment_id, a.user_id, a.status, a.score, a.completed_at
            FROM learner_assignment a
            JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
            JOIN enrollment_batch b ON b.id = ce.batch_id
            JOIN client_org o ON o.id = b.org_id
            WHERE o.msp_id = :mspId
            ORDER BY a.id
            """;

    private static final String LEARNER_LINKS = """
            SELECT l.id, l.user_id, l.revoked_at
            FROM learner_link l
            JOIN org_user u ON u.id = l.user_id
            JOIN client_org o ON o.id = u.org_id
            WHERE o.msp_id = :mspId
            ORDER BY l.id
            """;

    private static final String ADMINS = """
            SELECT a.id, a.client_org_id, a.username, a.display_name, a.password_hash, a.removed_at
            FROM portal_admin a
            WHERE a.msp_id = :mspId
            ORDER BY a.id
            """;

    private static final String API_TOKENS = """
            SELECT t.id, t.admin_id, t.name, t.revoked_at
            FROM api_token t
            JOIN portal_admin a ON a.id = t.admin_id
            WHERE a.msp_id = :mspId
            ORDER BY t.id
            """;

    private static final List<String> TABLES = List.of(
            CLIENTS,
            COURSE_ACCESS,
            USERS,
            GROUPS,
            MEMBERSHIPS,
            BATCHES,
            TARGETS,
            TARGETED_USERS,
            COURSE_ENROLLMENTS,
            ASSIGNMENTS,
            LEARNER_LINKS,
            ADMINS,
            API_TOKENS);

    private final DatabaseClient db;

    TenantSnapshot(DatabaseClient db) {
        this.db = db;
    }

    /** Every row of the MSP, table by table. */
    List<List<Map<String, Object>>> of(UUID mspId) {
        return TABLES.stream()
                .map(sql -> db.sql(sql)
                        .bind("mspId", mspId)
                        .fetch()
                        .all()
                        .collectList()
                        .block())
                .toList();
    }
}
