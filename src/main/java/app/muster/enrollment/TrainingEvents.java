package app.muster.enrollment;

import app.muster.base.TenantScope;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * The live stream of training changes that open pages follow, per MSP. On PostgreSQL a change is relayed through
 * {@code NOTIFY}, so the pages of every Muster instance on that database see it; on the embedded default (one
 * instance) it goes straight to the pages of this one.
 */
@Component
public class TrainingEvents {

    static final String CHANNEL = "muster_training";
    private static final Logger log = LoggerFactory.getLogger(TrainingEvents.class);

    private static final String NOTIFY = """
            SELECT pg_notify('muster_training', :payload)
            """;

    private final Sinks.Many<TrainingChanged> sink = Sinks.many().multicast().directBestEffort();
    private final DatabaseClient db;
    private final Environment environment;
    private final boolean relayThroughPostgres;
    private Disposable listening;

    TrainingEvents(DatabaseClient db, Environment environment, @Value("${muster.db-vendor:h2}") String vendor) {
        this.db = db;
        this.environment = environment;
        this.relayThroughPostgres = "postgresql".equals(vendor);
    }

    void publish(TrainingChanged change) {
        if (!relayThroughPostgres) {
            emit(change);
            return;
        }
        db.sql(NOTIFY)
                .bind("payload", payload(change))
                .then()
                .doOnError(error ->
                        log.warn("Relaying a change of batch {} failed; showing it here only.", change.batchId()))
                .onErrorResume(error -> Mono.fromRunnable(() -> emit(change)))
                .subscribe();
    }

    /** Changes within reach: of the whole MSP, or of an org admin's one client org. */
    public Flux<TrainingChanged> changes(TenantScope scope) {
        return sink.asFlux().filter(change -> change.mspId().equals(scope.mspId()) && scope.reaches(change.orgId()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void listen() {
        if (!relayThroughPostgres) {
            return;
        }
        listening = notifications(environment)
                .repeatWhen(completed -> completed.delayElements(Duration.ofSeconds(1)))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(retry -> log.warn("Listening for training changes failed; reconnecting.")))
                .subscribe(this::emit);
    }

    @EventListener(ContextClosedEvent.class)
    void stopListening() {
        if (listening != null) {
            listening.dispose();
        }
    }

    /** Changes notified by any instance on this PostgreSQL database, over a dedicated connection. */
    static Flux<TrainingChanged> notifications(Environment environment) {
        var options = ConnectionFactoryOptions.parse(environment.getRequiredProperty("spring.r2dbc.url"))
                .mutate()
                .option(ConnectionFactoryOptions.USER, environment.getProperty("spring.r2dbc.username", ""))
                .option(ConnectionFactoryOptions.PASSWORD, environment.getProperty("spring.r2dbc.password", ""))
                .build();
        return Flux.usingWhen(
                Mono.from(ConnectionFactories.get(options).create()).cast(PostgresqlConnection.class),
                connection -> connection
                        .createStatement("LISTEN " + CHANNEL)
                        .execute()
                        .flatMap(result -> result.getRowsUpdated())
                        .thenMany(connection.getNotifications())
                        .mapNotNull(notification -> parse(notification.getParameter())),
                connection -> connection.close());
    }

    private void emit(TrainingChanged change) {
        sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    static String payload(TrainingChanged change) {
        return change.mspId() + "," + change.orgId() + "," + change.batchId();
    }

    static TrainingChanged parse(String payload) {
        if (payload == null) {
            return null;
        }
        String[] ids = payload.split(",");
        if (ids.length != 3) {
            log.warn("Ignored a malformed training change notification.");
            return null;
        }
        return new TrainingChanged(UUID.fromString(ids[0]), UUID.fromString(ids[1]), UUID.fromString(ids[2]));
    }
}
