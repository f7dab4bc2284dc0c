package app.muster.msp;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** MSPs, the tenants of Muster. */
@Service
public class Msps {

    private static final String INSERT_MSP = """
            INSERT INTO msp (id, name, created_at)
            VALUES (:id, :name, :createdAt)
            """;

    private static final String FIND_BY_NAME = """
            SELECT id
            FROM msp
            WHERE name = :name
            """;

    private final DatabaseClient db;
    private final Clock clock;

    Msps(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<UUID> create(String name) {
        UUID id = UUID.randomUUID();
        return db.sql(INSERT_MSP)
                .bind("id", id)
                .bind("name", name)
                .bind("createdAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .then()
                .thenReturn(id);
    }

    public Mono<UUID> findByName(String name) {
        return db.sql(FIND_BY_NAME)
                .bind("name", name)
                .map(row -> row.get("id", UUID.class))
                .one();
    }
}
