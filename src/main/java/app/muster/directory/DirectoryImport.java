package app.muster.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a parsed directory export and its group memberships into one client org, in one transaction. A person
 * already known by email (whatever its letter case) is updated, not added again.
 */
@Service
public class DirectoryImport {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImport.class);

    private static final String UPDATE_USER = """
            UPDATE org_user
            SET email = :email, first_name = :firstName, last_name = :lastName, department = :department,
                manager_email = :managerEmail, status = :status
            WHERE org_id = :orgId
              AND email_key = :emailKey
            """;

    private static final String INSERT_USER = """
            INSERT INTO org_user (id, org_id, email, email_key, first_name, last_name, department, manager_email,
                                  status)
            VALUES (:id, :orgId, :email, :emailKey, :firstName, :lastName, :department, :managerEmail, :status)
            """;

    private static final String INSERT_GROUP = """
            INSERT INTO user_group (id, org_id, name)
            VALUES (:id, :orgId, :name)
            ON CONFLICT DO NOTHING
            """;

    private static final String GROUP_IDS = """
            SELECT id, name
            FROM user_group
            WHERE org_id = :orgId
            """;

    private static final String INSERT_MEMBERSHIP = """
            INSERT INTO group_membership (group_id, user_id)
            SELECT :groupId, u.id
            FROM org_user u
            WHERE u.org_id = :orgId
              AND u.email_key = :emailKey
            ON CONFLICT DO NOTHING
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    DirectoryImport(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    public Mono<ImportReport> importInto(ClientOrg org, DirectoryExport export, List<GroupMembership> memberships) {
        ImportReport report = ImportReport.of(export, memberships);
        Mono<Void> work = Flux.fromIterable(export.people())
                .concatMap(person -> upsert(org.id(), person))
                .then(importGroups(org.id(), memberships));
        return transaction
                .transactional(work)
                .then(Mono.fromSupplier(() -> report))
                .doOnNext(done -> log.info("Directory import into client org {}: {}", org.id(), done.summary()));
    }

    private Mono<Long> upsert(UUID orgId, DirectoryPerson person) {
        return bindPerson(db.sql(UPDATE_USER), orgId, person)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated > 0
                        ? Mono.just(updated)
                        : bindPerson(db.sql(INSERT_USER).bind("id", UUID.randomUUID()), orgId, person)
                                .fetch()
                                .rowsUpdated());
    }

    private static DatabaseClient.GenericExecuteSpec bindPerson(
            DatabaseClient.GenericExecuteSpec spec, UUID orgId, DirectoryPerson person) {
        spec = spec.bind("orgId", orgId)
                .bind("email", person.email())
                .bind("emailKey", person.emailKey())
                .bind("firstName", person.firstName())
                .bind("lastName", person.lastName())
                .bind("status", person.suspended() ? "SUSPENDED" : "ACTIVE");
        spec = person.department() == null
                ? spec.bindNull("department", String.class)
                : spec.bind("department", person.department());
        return person.managerEmail() == null
                ? spec.bindNull("managerEmail", String.class)
                : spec.bind("managerEmail", person.managerEmail());
    }

    private Mono<Void> importGroups(UUID orgId, List<GroupMembership> memberships) {
        var names = memberships.stream().map(GroupMembership::group).distinct().toList();
        return Flux.fromIterable(names)
                .concatMap(name -> db.sql(INSERT_GROUP)
                        .bind("id", UUID.randomUUID())
                        .bind("orgId", orgId)
                        .bind("name", name)
                        .fetch()
                        .rowsUpdated())
                .thenMany(db.sql(GROUP_IDS)
                        .bind("orgId", orgId)
                        .map(row -> Map.entry(row.get("name", String.class), row.get("id", UUID.class)))
                        .all())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .flatMapMany(groupIds -> Flux.fromIterable(memberships)
                        .concatMap(membership -> db.sql(INSERT_MEMBERSHIP)
                                .bind("groupId", groupIds.get(membership.group()))
                                .bind("orgId", orgId)
                                .bind("emailKey", membership.emailKey())
                                .fetch()
                                .rowsUpdated()))
                .then();
    }
}
