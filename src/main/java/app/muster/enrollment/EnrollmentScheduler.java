package app.muster.enrollment;

import app.muster.base.Poller;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fires every Scheduled course enrollment whose moment has come: the start of its Enroll on day in the client's own
 * time zone. The schedule is the database itself, so it survives restarts, a moment missed while Muster was down is
 * fired on the next poll, and several Muster instances may poll one database: firing locks the row and re-checks its
 * status, so each course enrollment fires once.
 */
@Component
public class EnrollmentScheduler {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentScheduler.class);
    private static final int AT_MOST_PER_POLL = 500;

    private static final String DUE = """
            SELECT id
            FROM course_enrollment
            WHERE status = 'SCHEDULED'
              AND fire_at <= :now
            ORDER BY fire_at
            LIMIT :limit
            """;

    private final DatabaseClient db;
    private final CourseEnrollmentFiring firing;
    private final Clock clock;
    private final Duration pollInterval;
    private Poller polling;

    EnrollmentScheduler(
            DatabaseClient db,
            CourseEnrollmentFiring firing,
            Clock clock,
            @Value("${muster.scheduler.poll-interval:PT30S}") Duration pollInterval) {
        this.db = db;
        this.firing = firing;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        polling = Poller.start("Firing due course enrollments", pollInterval, this::fireDue);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (polling != null) {
            polling.close();
        }
    }

    /** Fires what is due now; returns how many course enrollments this call fired or found already fired. */
    public Mono<Long> fireDue() {
        return db.sql(DUE)
                .bind("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .bind("limit", AT_MOST_PER_POLL)
                .map(row -> row.get("id", UUID.class))
                .all()
                .concatMap(firing::fire)
                .count()
                .doOnNext(fired -> {
                    if (fired > 0) {
                        log.info("Scheduler fired {} due course enrollments.", fired);
                    }
                });
    }
}
