package app.muster.directory;

import app.muster.base.NotFound;
import app.muster.base.Rows;
import app.muster.base.TenantScope;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The client orgs of an MSP and their groups; every read is scoped to the caller's MSP. */
@Service
public class ClientOrgs {

    private static final String LIST_FOR_MSP = """
            SELECT id, msp_id, name, time_zone, training_state
            FROM client_org
            WHERE msp_id = :mspId
            ORDER BY name
            """;

    private static final String FIND_IN_MSP = """
            SELECT id, msp_id, name, time_zone, training_state
            FROM client_org
            WHERE msp_id = :mspId
              AND id = :orgId
            """;

    private static final String INSERT_ORG = """
            INSERT INTO client_org (id, msp_id, name, time_zone, training_state, created_at)
            VALUES (:id, :mspId, :name, :timeZone, :trainingState, :createdAt)
            """;

    private static final String GROUPS_OF_ORG = """
            SELECT g.id, g.org_id, g.name, COUNT(m.user_id) AS member_count, COUNT(u.id) AS active_members
            FROM user_group g
            JOIN client_org o ON o.id = g.org_id
            LEFT JOIN group_membership m ON m.group_id = g.id
            LEFT JOIN org_user u ON u.id = m.user_id AND u.status = 'ACTIVE'
            WHERE o.msp_id = :mspId
              AND g.org_id = :orgId
            GROUP BY g.id, g.org_id, g.name
            ORDER BY g.name
            """;

    private static final String USERS_OF_ORG = """
            SELECT u.id, u.org_id, u.email, u.first_name, u.last_name, u.department, u.status
            FROM org_user u
            JOIN client_org o ON o.id = u.org_id
            WHERE o.msp_id = :mspId
              AND u.org_id = :orgId
            ORDER BY u.last_name, u.first_name, u.email
            """;

    private static final String SET_TRAINING_STATE = """
            UPDATE client_org
            SET training_state = :trainingState
            WHERE msp_id = :mspId
              AND id = :orgId
            """;

    private final DatabaseClient db;
    private final Clock clock;

    ClientOrgs(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every client org within reach: all of the MSP's, or an org admin's one. */
    public Flux<ClientOrg> list(TenantScope scope) {
        return db.sql(LIST_FOR_MSP)
                .bind("mspId", scope.mspId())
                .map(ClientOrgs::toClientOrg)
                .all()
                .filter(org -> scope.reaches(org.id()));
    }

    public Mono<ClientOrg> find(TenantScope scope, UUID orgId) {
        return scope.within(orgId)
                .then(db.sql(FIND_IN_MSP)
                        .bind("mspId", scope.mspId())
                        .bind("orgId", orgId)
                        .map(ClientOrgs::toClientOrg)
                        .one())
                .switchIfEmpty(Mono.error(() -> new NotFound("Client org " + orgId)));
    }

    public Flux<UserGroup> groups(TenantScope scope, UUID orgId) {
        return scope.within(orgId)
                .thenMany(db.sql(GROUPS_OF_ORG)
                        .bind("mspId", scope.mspId())
                        .bind("orgId", orgId)
                        .map(row -> new UserGroup(
                                row.get("id", UUID.class),
                                row.get("org_id", UUID.class),
                                row.get("name", String.class),
                                Rows.count(row, "member_count"),
                                Rows.count(row, "active_members")))
                        .all());
    }

    /** The users of a client org within reach, suspended ones included, by last name. */
    public Flux<OrgUser> users(TenantScope scope, UUID orgId) {
        return scope.within(orgId)
                .thenMany(db.sql(USERS_OF_ORG)
                        .bind("mspId", scope.mspId())
                        .bind("orgId", orgId)
                        .map(row -> new OrgUser(
                                row.get("id", UUID.class),
                                row.get("org_id", UUID.class),
                                row.get("email", String.class),
                                row.get("first_name", String.class),
                                row.get("last_name", String.class),
                                row.get("department", String.class),
                                "ACTIVE".equals(row.get("status", String.class))))
                        .all());
    }

    public Mono<ClientOrg> create(UUID mspId, String name, ZoneId timeZone, TrainingState state) {
        ClientOrg org = new ClientOrg(UUID.randomUUID(), mspId, name, timeZone, state);
        return db.sql(INSERT_ORG)
                .bind("id", org.id())
                .bind("mspId", mspId)
                .bind("name", name)
                .bind("timeZone", timeZone.getId())
                .bind("trainingState", state.name())
                .bind("createdAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .then()
                .thenReturn(org);
    }

    public Mono<Void> setTrainingState(UUID mspId, UUID orgId, TrainingState state) {
        return db.sql(SET_TRAINING_STATE)
                .bind("mspId", mspId)
                .bind("orgId", orgId)
                .bind("trainingState", state.name())
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 0 ? Mono.error(new NotFound("Client org " + orgId)) : Mono.empty());
    }

    static ClientOrg toClientOrg(Readable row) {
        return new ClientOrg(
                row.get("id", UUID.class),
                row.get("msp_id", UUID.class),
                row.get("name", String.class),
                ZoneId.of(row.get("time_zone", String.class)),
                TrainingState.valueOf(row.get("training_state", String.class)));
    }
}
