package app.muster.enrollment;

import app.muster.base.Rows;
import app.muster.base.TenantScope;
import app.muster.catalog.Course;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.directory.UserGroup;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creates one client's batch of a launch in one transaction, then fires the course enrollments already due. */
@Component
class BatchCreation {

    private static final Logger log = LoggerFactory.getLogger(BatchCreation.class);

    private static final String INSERT_BATCH = """
            INSERT INTO enrollment_batch
                (id, org_id, launch_id, name, target_mode, enrollment_email, reminder_emails, created_at)
            VALUES (:id, :orgId, :launchId, :name, :targetMode, :enrollmentEmail, :reminderEmails, :createdAt)
            ON CONFLICT DO NOTHING
            """;

    private static final String FIND_BATCH_OF_LAUNCH = """
            SELECT id
            FROM enrollment_batch
            WHERE launch_id = :launchId
              AND org_id = :orgId
            """;

    private static final String INSERT_TARGET_GROUP = """
            INSERT INTO batch_target_group (batch_id, group_id, included)
            VALUES (:batchId, :groupId, :included)
            """;

    private static final String INSERT_TARGET_USER = """
            INSERT INTO batch_target_user (batch_id, user_id)
            VALUES (:batchId, :userId)
            """;

    private static final String USERS_IN_ORG = """
            SELECT COUNT(*) AS users
            FROM org_user
            WHERE org_id = :orgId
              AND id IN (:userIds)
            """;

    private static final String INSERT_COURSE_ENROLLMENT = """
            INSERT INTO course_enrollment (id, batch_id, course_id, enroll_on, due_by, fire_at, status, updated_at)
            VALUES (:id, :batchId, :courseId, :enrollOn, :dueBy, :fireAt, 'SCHEDULED', :updatedAt)
            """;

    private static final String DUE_COURSE_ENROLLMENTS = """
            SELECT id
            FROM course_enrollment
            WHERE batch_id = :batchId
              AND status = 'SCHEDULED'
              AND fire_at <= :now
            ORDER BY fire_at, course_id
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final ClientOrgs clientOrgs;
    private final CourseEnrollmentFiring firing;
    private final TrainingEvents events;
    private final TrainingTotalsKeeper totals;
    private final Clock clock;

    BatchCreation(
            DatabaseClient db,
            TransactionalOperator transaction,
            ClientOrgs clientOrgs,
            CourseEnrollmentFiring firing,
            TrainingEvents events,
            TrainingTotalsKeeper totals,
            Clock clock) {
        this.db = db;
        this.transaction = transaction;
        this.clientOrgs = clientOrgs;
        this.firing = firing;
        this.events = events;
        this.totals = totals;
        this.clock = clock;
    }

    Mono<LaunchResult> create(
            TenantScope scope, UUID launchId, UUID orgId, LaunchRequest request, Map<String, Course> library) {
        UUID mspId = scope.mspId();
        return clientOrgs
                .find(scope, orgId)
                .flatMap(org -> checkClient(scope, org, request, library).thenReturn(org))
                .flatMap(org -> insertWhole(org, launchId, request, library)
                        .flatMap(batchId -> fireDue(org, batchId).thenReturn(batchId))
                        .doOnNext(batchId -> events.publish(new TrainingChanged(mspId, orgId, batchId)))
                        .map(batchId -> LaunchResult.created(orgId, org.name(), batchId)));
    }

    private Mono<Void> checkClient(
            TenantScope scope, ClientOrg org, LaunchRequest request, Map<String, Course> library) {
        if (!org.ready()) {
            return Mono.error(new BatchRefusal(
                    org.name(),
                    "clients",
                    org.name() + " is Not configured for "
                            + "training. Finish provisioning its training access, then launch it again."));
        }
        LocalDate today = LocalDate.now(clock.withZone(org.timeZone()));
        for (CourseSchedule schedule : request.courses()) {
            String title = library.get(schedule.courseId()).title();
            if (!schedule.immediate() && schedule.enrollOn().isBefore(today)) {
                return Mono.error(new BatchRefusal(
                        org.name(),
                        "enrollOn",
                        "Enroll on (" + schedule.enrollOn()
                                + ") for " + title + " is already past in " + org.name() + "'s time zone ("
                                + org.timeZone() + "), where today is " + today + "."));
            }
            if (schedule.dueBy().isBefore(schedule.enrollOnFor(today))) {
                return Mono.error(new BatchRefusal(
                        org.name(),
                        "dueBy",
                        "Due by (" + schedule.dueBy() + ") for " + title + " is before its Enroll on date in "
                                + org.name() + "'s time zone."));
            }
        }
        return checkGroups(scope, org, request.targeting()).then(checkUsers(org, request.targeting()));
    }

    private Mono<Void> checkUsers(ClientOrg org, Targeting targeting) {
        if (targeting.users().isEmpty()) {
            return Mono.empty();
        }
        return db.sql(USERS_IN_ORG)
                .bind("orgId", org.id())
                .bind("userIds", List.copyOf(targeting.users()))
                .map(row -> Rows.count(row, "users"))
                .one()
                .flatMap(found -> found == targeting.users().size()
                        ? Mono.empty()
                        : Mono.error(new BatchRefusal(
                                org.name(),
                                "targeting",
                                (targeting.users().size() - found) + " of the chosen users are not users of "
                                        + org.name() + ".")));
    }

    private Mono<Void> checkGroups(TenantScope scope, ClientOrg org, Targeting targeting) {
        Set<UUID> wanted = new HashSet<>(targeting.includedGroups());
        wanted.addAll(targeting.excludedGroups());
        if (wanted.isEmpty()) {
            return Mono.empty();
        }
        return clientOrgs
                .groups(scope, org.id())
                .map(UserGroup::id)
                .collectList()
                .flatMap(existing -> existing.containsAll(wanted)
                        ? Mono.empty()
                        : Mono.error(new BatchRefusal(
                                org.name(),
                                "targeting",
                                "A chosen group is not a group of " + org.name()
                                        + " (it may have been removed). Choose its groups again.")));
    }

    private Mono<UUID> insertWhole(ClientOrg org, UUID launchId, LaunchRequest request, Map<String, Course> library) {
        UUID batchId = UUID.randomUUID();
        Mono<UUID> work = totals.lock(org.id())
                .then(insertBatch(org, launchId, batchId, request, library))
                .flatMap(inserted -> inserted
                        ? insertParts(org, batchId, request)
                                .then(totals.recount(org.id()))
                                .thenReturn(batchId)
                        : existingBatch(launchId, org.id()));
        return transaction.transactional(work);
    }

    private Mono<Boolean> insertBatch(
            ClientOrg org, UUID launchId, UUID batchId, LaunchRequest request, Map<String, Course> library) {
        return db.sql(INSERT_BATCH)
                .bind("id", batchId)
                .bind("orgId", org.id())
                .bind("launchId", launchId)
                .bind("name", LaunchService.batchName(library, request))
                .bind("targetMode", request.targeting().mode().name())
                .bind("enrollmentEmail", request.notifications().enrollmentEmail())
                .bind("reminderEmails", request.notifications().reminderEmails())
                .bind("createdAt", now())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    private Mono<UUID> existingBatch(UUID launchId, UUID orgId) {
        log.info("Launch {} already has a batch for client org {}; nothing created.", launchId, orgId);
        return db.sql(FIND_BATCH_OF_LAUNCH)
                .bind("launchId", launchId)
                .bind("orgId", orgId)
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    private Mono<Void> insertParts(ClientOrg org, UUID batchId, LaunchRequest request) {
        LocalDate today = LocalDate.now(clock.withZone(org.timeZone()));
        Flux<Long> courses = Flux.fromIterable(request.courses())
                .concatMap(schedule -> db.sql(INSERT_COURSE_ENROLLMENT)
                        .bind("id", UUID.randomUUID())
                        .bind("batchId", batchId)
                        .bind("courseId", schedule.courseId())
                        .bind("enrollOn", schedule.enrollOnFor(today))
                        .bind("dueBy", schedule.dueBy())
                        .bind("fireAt", startOfDay(schedule.enrollOnFor(today), org))
                        .bind("updatedAt", now())
                        .fetch()
                        .rowsUpdated());
        Targeting targeting = request.targeting();
        Flux<Long> included = insertTargetGroups(batchId, targeting.includedGroups(), true);
        Flux<Long> excluded = insertTargetGroups(batchId, targeting.excludedGroups(), false);
        Flux<Long> users = Flux.fromIterable(targeting.users())
                .concatMap(userId -> db.sql(INSERT_TARGET_USER)
                        .bind("batchId", batchId)
                        .bind("userId", userId)
                        .fetch()
                        .rowsUpdated());
        return courses.thenMany(included)
                .thenMany(excluded)
                .thenMany(users)
                .then(Mono.fromRunnable(() -> log.info(
                        "Batch {} created for client org {} with {} courses.",
                        batchId,
                        org.id(),
                        request.courses().size())));
    }

    private Flux<Long> insertTargetGroups(UUID batchId, Set<UUID> groups, boolean included) {
        return Flux.fromIterable(groups)
                .concatMap(groupId -> db.sql(INSERT_TARGET_GROUP)
                        .bind("batchId", batchId)
                        .bind("groupId", groupId)
                        .bind("included", included)
                        .fetch()
                        .rowsUpdated());
    }

    private Mono<Void> fireDue(ClientOrg org, UUID batchId) {
        return db.sql(DUE_COURSE_ENROLLMENTS)
                .bind("batchId", batchId)
                .bind("now", now())
                .map(row -> row.get("id", UUID.class))
                .all()
                .concatMap(firing::fire)
                .then();
    }

    /** A course enrollment fires at the start of its Enroll on day in the client's own time zone. */
    static OffsetDateTime startOfDay(LocalDate day, ClientOrg org) {
        return day.atStartOfDay(org.timeZone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
