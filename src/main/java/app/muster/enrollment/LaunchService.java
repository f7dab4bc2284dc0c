package app.muster.enrollment;

import app.muster.audit.AuditLog;
import app.muster.base.NotFound;
import app.muster.base.Refusal;
import app.muster.base.TenantScope;
import app.muster.catalog.Course;
import app.muster.catalog.CourseLibrary;
import app.muster.security.AdminAccounts;
import app.muster.security.AdminPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Launches a wizard submission: one batch per chosen client, each created whole or not at all, streamed back client
 * by client as each batch is created. A replay of the same submission creates nothing twice.
 */
@Service
public class LaunchService {

    private static final Logger log = LoggerFactory.getLogger(LaunchService.class);
    private static final int CLIENTS_IN_PARALLEL = 4;

    private static final String REGISTER_LAUNCH = """
            INSERT INTO launch (id, msp_id, submission_id, launched_by, created_at)
            VALUES (:id, :mspId, :submissionId, :launchedBy, :createdAt)
            ON CONFLICT DO NOTHING
            """;

    private static final String FIND_LAUNCH = """
            SELECT id
            FROM launch
            WHERE msp_id = :mspId
              AND submission_id = :submissionId
            """;

    private final DatabaseClient db;
    private final CourseLibrary courseLibrary;
    private final BatchCreation batchCreation;
    private final AuditLog auditLog;
    private final AdminAccounts accounts;
    private final Clock clock;

    LaunchService(
            DatabaseClient db,
            CourseLibrary courseLibrary,
            BatchCreation batchCreation,
            AuditLog auditLog,
            AdminAccounts accounts,
            Clock clock) {
        this.accounts = accounts;
        this.db = db;
        this.courseLibrary = courseLibrary;
        this.batchCreation = batchCreation;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Emits one result per distinct client, in the order the batches are created; a refused launch emits an error. */
    public Flux<LaunchResult> launch(AdminPrincipal admin, LaunchRequest request) {
        Mono<Void> audited = auditLog.record(
                admin,
                "Launch",
                "Submission " + request.submissionId() + ": "
                        + request.orgIds().size() + " clients, courses "
                        + request.courses().stream()
                                .map(CourseSchedule::courseId)
                                .collect(Collectors.joining(", "))
                        + ", " + request.targeting().mode().label());
        return accounts.requireNotRemoved(admin)
                .then(courseLibrary.all().collectMap(Course::id, Function.identity()))
                .doOnNext(library -> LaunchRules.check(request, library))
                .flatMapMany(library -> register(admin, request.submissionId(), audited)
                        .flatMapMany(launchId -> launchEach(admin, launchId, request, library)));
    }

    private Flux<LaunchResult> launchEach(
            AdminPrincipal admin, UUID launchId, LaunchRequest request, Map<String, Course> library) {
        var clients = new LinkedHashSet<>(request.orgIds());
        log.info(
                "Launch {} by admin {} started for {} clients and {} courses.",
                launchId,
                admin.adminId(),
                clients.size(),
                request.courses().size());
        return Flux.fromIterable(clients)
                .flatMap(orgId -> launchOne(admin.scope(), launchId, orgId, request, library), CLIENTS_IN_PARALLEL)
                .doOnComplete(() -> log.info("Launch {} finished.", launchId));
    }

    private Mono<LaunchResult> launchOne(
            TenantScope scope, UUID launchId, UUID orgId, LaunchRequest request, Map<String, Course> library) {
        return batchCreation
                .create(scope, launchId, orgId, request, library)
                .onErrorResume(error -> Mono.just(refusal(launchId, orgId, error)));
    }

    private LaunchResult refusal(UUID launchId, UUID orgId, Throwable error) {
        if (error instanceof BatchRefusal refused) {
            log.info("Launch {} refused client org {}: {}", launchId, orgId, refused.getMessage());
            return LaunchResult.refused(orgId, refused.orgName(), refused.getMessage());
        }
        if (error instanceof NotFound) {
            log.warn("Launch {} named client org {}, which is not a client of this MSP.", launchId, orgId);
            return LaunchResult.refused(orgId, "Unknown client", "This client is not one of your clients.");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Launch {} could not create a batch for client org {} (reference {}).",
                launchId,
                orgId,
                reference,
                error);
        return LaunchResult.refused(
                orgId,
                "Client " + orgId,
                "Muster could not create this client's batch (reference " + reference + "). Try launching it again.");
    }

    /** Registers the submission once; only its first arrival is audited, a replay finds the launch it made. */
    private Mono<UUID> register(AdminPrincipal admin, UUID submissionId, Mono<Void> audited) {
        if (submissionId == null) {
            return Mono.error(new Refusal("submissionId", "The submission has no id."));
        }
        return db.sql(REGISTER_LAUNCH)
                .bind("id", UUID.randomUUID())
                .bind("mspId", admin.mspId())
                .bind("submissionId", submissionId)
                .bind("launchedBy", admin.adminId())
                .bind("createdAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted > 0 ? audited : Mono.empty())
                .then(db.sql(FIND_LAUNCH)
                        .bind("mspId", admin.mspId())
                        .bind("submissionId", submissionId)
                        .map(row -> row.get("id", UUID.class))
                        .one());
    }

    static String batchName(Map<String, Course> library, LaunchRequest request) {
        var titles = request.courses().stream()
                .map(c -> library.get(c.courseId()).title())
                .toList();
        if (titles.size() <= 2) {
            return titles.stream().collect(Collectors.joining(" and "));
        }
        return titles.getFirst() + " and " + (titles.size() - 1) + " more courses";
    }
}
