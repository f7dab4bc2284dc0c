package app.muster.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.muster.MusterTest;
import app.muster.TestDatabase;
import app.muster.base.Rows;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.EnrollmentScheduler;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.Targeting;
import app.muster.enrollment.TrainingTotalsKeeper;
import app.muster.msp.Msps;
import app.muster.security.AdminAccounts;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.TrainingOverview;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Muster's figures at scale, on PostgreSQL: how fast firing assigns learners compared with a plain insert of the
 * same rows, and how long the dashboard takes for a large MSP. It prints figures and ratios; it asserts nothing
 * about time. Run it with {@code bench/run}.
 */
@MusterTest
class TrainingBenchmark {

    static final int FAN_OUT_CLIENTS = 100;
    static final int USERS_PER_FAN_OUT_CLIENT = 1_000;
    static final int DASHBOARD_CLIENTS = 1_000;
    static final int BATCHES_PER_CLIENT = 50;
    static final int LEARNERS_PER_COURSE = 40;

    @Autowired
    DatabaseClient db;

    @Autowired
    Msps msps;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    LaunchService launchService;

    @Autowired
    EnrollmentScheduler scheduler;

    @Autowired
    TrainingOverview overview;

    @Autowired
    TrainingTotalsKeeper totals;

    @Test
    void fanOut() {
        assumeTrue(TestDatabase.usesPostgres(), "The benchmark runs on PostgreSQL: bench/run.");
        AdminPrincipal admin = benchMsp("Fan-out MSP", FAN_OUT_CLIENTS, USERS_PER_FAN_OUT_CLIENT);
        List<UUID> clients = clientsOf(admin);
        launchTomorrow(admin, clients, "phishing-fundamentals");
        launchTomorrow(admin, clients, "smishing");

        execute("""
                UPDATE course_enrollment
                SET fire_at = fire_at - INTERVAL '2 days'
                WHERE course_id = 'phishing-fundamentals'
                  AND batch_id IN (SELECT b.id FROM enrollment_batch b JOIN client_org o ON o.id = b.org_id
                                   WHERE o.msp_id = :msp)
                """, admin.mspId());
        long start = System.nanoTime();
        scheduler.fireDue().block();
        double firingSeconds = (System.nanoTime() - start) / 1e9;
        long assigned = count("""
                SELECT COUNT(*) AS n FROM learner_assignment a
                JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
                JOIN enrollment_batch b ON b.id = ce.batch_id
                JOIN client_org o ON o.id = b.org_id
                WHERE o.msp_id = :msp AND ce.course_id = 'phishing-fundamentals'
                """, admin.mspId());

        start = System.nanoTime();
        execute("""
                INSERT INTO learner_assignment (course_enrollment_id, user_id, status, assigned_at, registration)
                SELECT ce.id, u.id, 'ASSIGNED', NOW(), gen_random_uuid()
                FROM course_enrollment ce
                JOIN enrollment_batch b ON b.id = ce.batch_id
                JOIN client_org o ON o.id = b.org_id
                JOIN org_user u ON u.org_id = b.org_id AND u.status = 'ACTIVE'
                WHERE o.msp_id = :msp AND ce.course_id = 'smishing'
                """, admin.mspId());
        double rawSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(
                "%nFAN-OUT  %,d learners assigned by firing %d course enrollments in %.2f s: " + "%,.0f learners/s%n",
                assigned, clients.size(), firingSeconds, assigned / firingSeconds);
        System.out.printf(
                "FAN-OUT  the same rows in one plain INSERT ... SELECT: %.2f s (%,.0f rows/s)%n",
                rawSeconds, assigned / rawSeconds);
        System.out.printf(
                "FAN-OUT  ratio firing / plain insert: %.2fx (target: within 3x)%n%n", firingSeconds / rawSeconds);
    }

    @Test
    void dashboard() {
        assumeTrue(TestDatabase.usesPostgres(), "The benchmark runs on PostgreSQL: bench/run.");
        AdminPrincipal admin = benchMsp("Dashboard MSP", DASHBOARD_CLIENTS, LEARNERS_PER_COURSE);
        seedBatches(admin.mspId());
        totals.recountAll(admin.mspId()).block();
        execute("ANALYZE", null);
        long batches = count(
                "SELECT COUNT(*) AS n FROM enrollment_batch b JOIN client_org o ON o.id = b.org_id "
                        + "WHERE o.msp_id = :msp",
                admin.mspId());
        long assignments = count("""
                SELECT COUNT(*) AS n FROM learner_assignment a
                JOIN course_enrollment ce ON ce.id = a.course_enrollment_id
                JOIN enrollment_batch b ON b.id = ce.batch_id
                JOIN client_org o ON o.id = b.org_id
                WHERE o.msp_id = :msp
                """, admin.mspId());

        for (int i = 0; i < 5; i++) {
            overview.dashboard(admin.scope()).block();
        }
        double[] millis = new double[30];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            overview.dashboard(admin.scope()).block();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);

        System.out.printf(
                "%nDASHBOARD  %,d client orgs, %,d batches, %,d learner assignments%n",
                DASHBOARD_CLIENTS, batches, assignments);
        System.out.printf(
                "DASHBOARD  cards and client grid: median %.1f ms, p90 %.1f ms, max %.1f ms over %d loads "
                        + "(target: under 50 ms)%n%n",
                millis[millis.length / 2],
                millis[(int) (millis.length * 0.9)],
                millis[millis.length - 1],
                millis.length);
    }

    private AdminPrincipal benchMsp(String name, int clients, int usersPerClient) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID mspId = msps.create(name + " " + suffix).block();
        String username = "bench-" + suffix + "@bench.example";
        accounts.create(mspId, username, name, "bench-" + suffix).block();
        execute("""
                INSERT INTO client_org (id, msp_id, name, time_zone, training_state, created_at)
                SELECT gen_random_uuid(), :msp, 'Bench client ' || LPAD(g::text, 4, '0'), 'UTC', 'READY', NOW()
                FROM generate_series(1, %d) g
                """.formatted(clients), mspId);
        execute("""
                INSERT INTO org_course_access (org_id, course_id)
                SELECT o.id, c.id FROM client_org o CROSS JOIN course c WHERE o.msp_id = :msp
                """, mspId);
        execute("""
                INSERT INTO org_user (id, org_id, email, email_key, first_name, last_name, status)
                SELECT gen_random_uuid(), o.id, 'learner' || g || '@' || o.id || '.example',
                       'learner' || g || '@' || o.id || '.example', 'Bench', 'Learner ' || g, 'ACTIVE'
                FROM client_org o CROSS JOIN generate_series(1, %d) g
                WHERE o.msp_id = :msp
                """.formatted(usersPerClient), mspId);
        return accounts.find(username).block();
    }

    private void seedBatches(UUID mspId) {
        execute("""
                INSERT INTO enrollment_batch (id, org_id, name, target_mode, enrollment_email, reminder_emails,
                                              created_at)
                SELECT gen_random_uuid(), o.id, 'Bench batch ' || g, 'ALL_USERS', FALSE, FALSE, NOW()
                FROM client_org o CROSS JOIN generate_series(1, %d) g
                WHERE o.msp_id = :msp
                """.formatted(BATCHES_PER_CLIENT), mspId);
        execute("""
                INSERT INTO course_enrollment (id, batch_id, course_id, enroll_on, due_by, fire_at, status,
                                               learners_assigned, learners_completed, attempts, updated_at)
                SELECT gen_random_uuid(), b.id, 'ransomware', CURRENT_DATE, CURRENT_DATE + 30, NOW(),
                       s.status, s.assigned, s.completed, 1, NOW()
                FROM enrollment_batch b
                JOIN client_org o ON o.id = b.org_id
                JOIN (VALUES (0, 'ENROLLED', %1$d, 10), (1, 'COMPLETED', %1$d, %1$d), (2, 'ENROLLED', %1$d, 0),
                             (3, 'FAILED', 0, 0), (4, 'COMPLETED', %1$d, %1$d)) AS s(slot, status, assigned, completed)
                  ON s.slot = ABS(HASHTEXT(b.id::text)) %% 5
                WHERE o.msp_id = :msp
                """.formatted(LEARNERS_PER_COURSE), mspId);
        execute("""
                INSERT INTO learner_assignment (course_enrollment_id, user_id, status, assigned_at, registration)
                SELECT ce.id, u.id, 'ASSIGNED', NOW(), gen_random_uuid()
                FROM course_enrollment ce
                JOIN enrollment_batch b ON b.id = ce.batch_id
                JOIN client_org o ON o.id = b.org_id
                JOIN org_user u ON u.org_id = b.org_id
                WHERE o.msp_id = :msp
                """, mspId);
    }

    private void launchTomorrow(AdminPrincipal admin, List<UUID> clients, String courseId) {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        for (int from = 0; from < clients.size(); from += LaunchRequest.MAX_CLIENTS) {
            var some =
                    new ArrayList<>(clients.subList(from, Math.min(from + LaunchRequest.MAX_CLIENTS, clients.size())));
            var request = new LaunchRequest(
                    UUID.randomUUID(),
                    some,
                    List.of(new CourseSchedule(courseId, tomorrow, tomorrow.plusDays(30))),
                    Targeting.allUsers(),
                    Notifications.none());
            launchService.launch(admin, request).blockLast();
        }
    }

    private List<UUID> clientsOf(AdminPrincipal admin) {
        return db.sql("SELECT id FROM client_org WHERE msp_id = :msp ORDER BY name")
                .bind("msp", admin.mspId())
                .map(row -> row.get("id", UUID.class))
                .all()
                .collectList()
                .block();
    }

    private void execute(String sql, UUID mspId) {
        var spec = db.sql(sql);
        if (mspId != null) {
            spec = spec.bind("msp", mspId);
        }
        spec.then().block();
    }

    private long count(String sql, UUID mspId) {
        return db.sql(sql)
                .bind("msp", mspId)
                .map(row -> Rows.count(row, "n"))
                .one()
                .block();
    }
}
