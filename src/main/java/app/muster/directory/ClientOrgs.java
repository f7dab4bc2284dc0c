package app.muster.directory;

import app.muster.base.NotFound;
import app.muster.base.Rows;
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

    public Flux<ClientOrg> list(UUID mspId) {
        return db.sql(LIST_FOR_MSP)
                .bind("mspId", mspId)
                .map(ClientOrgs::toClientOrg)
                .all();
    }

    public Mono<ClientOrg> find(UUID mspId, UUID orgId) {
        return db.sql(FIND_IN_MSP)
                .bind("mspId", mspId)
                .bind("orgId", orgId)
                .map(ClientOrgs::toClientOrg)
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFound("Client org " + orgId)));
    }

    public Flux<UserGroup> groups(UUID mspId, UUID orgId) {
        return db.sql(GROUPS_OF_ORG)
                .bind("mspId", mspId)
                .bind("orgId", orgId)
                .map(row -> new UserGroup(
                        row.get("id", UUID.class),
                        row.get("org_id", UUID.class),
                        row.get("name", String.class),
                        Rows.count(row, "member_count"),
                        Rows.count(row, "active_members")))
                .all();
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
