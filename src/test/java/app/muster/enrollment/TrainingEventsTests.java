package app.muster.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.muster.MusterTest;
import app.muster.TestDatabase;
import app.muster.TestTenants;
import app.muster.directory.ClientOrg;
import app.muster.security.AdminPrincipal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@MusterTest
class TrainingEventsTests {

    @Autowired
    TestTenants tenants;

    @Autowired
    TrainingEvents events;

    @Autowired
    LaunchService launchService;

    @Autowired
    Environment environment;

    @Autowired
    DatabaseClient db;

    @Test
    void aLaunchReachesThePagesOfItsOwnMspOnly() {
        AdminPrincipal admin = tenants.demoAdmin();
        AdminPrincipal stranger = tenants.otherMspAdmin();
        ClientOrg kestrel = tenants.demoClient("Kestrel Aerospace Parts");
        var ours = events.changes(admin.scope())
                .filter(change -> change.orgId().equals(kestrel.id()))
                .next()
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
        var theirs = events.changes(stranger.scope())
                .next()
                .timeout(Duration.ofSeconds(3), Mono.empty())
                .toFuture();

        UUID batchId = launch(admin, kestrel);

        assertThat(ours)
                .succeedsWithin(Duration.ofSeconds(10))
                .satisfies(change -> assertThat(change.batchId()).isEqualTo(batchId));
        assertThat(theirs).succeedsWithin(Duration.ofSeconds(10)).isNull();
    }

    @Test
    void anotherInstanceOnTheSamePostgresDatabaseHearsTheChange() {
        assumeTrue(TestDatabase.usesPostgres(), "Relaying between instances is PostgreSQL's LISTEN/NOTIFY.");
        AdminPrincipal admin = tenants.demoAdmin();
        ClientOrg yellowstone = tenants.demoClient("Yellowstone Builders");
        var otherInstance = TrainingEvents.notifications(environment)
                .filter(change -> change.orgId().equals(yellowstone.id()))
                .next()
                .toFuture();
        awaitListening();

        UUID batchId = launch(admin, yellowstone);

        assertThat(otherInstance)
                .succeedsWithin(Duration.ofSeconds(10))
                .satisfies(change -> assertThat(change.batchId()).isEqualTo(batchId));
    }

    private void awaitListening() {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> db.sql("""
                SELECT COUNT(*) AS n
                FROM pg_stat_activity
                WHERE query LIKE 'LISTEN muster_training%'
                  AND datname = current_database()
                """)
                                .map(row -> app.muster.base.Rows.count(row, "n"))
                                .one()
                                .block()
                        >= 2);
    }

    private UUID launch(AdminPrincipal admin, ClientOrg client) {
        var request = new LaunchRequest(
                UUID.randomUUID(),
                List.of(client.id()),
                List.of(CourseSchedule.immediately("usb-media", LocalDate.now().plusDays(30))),
                Targeting.allUsers(),
                Notifications.none());
        return launchService.launch(admin, request).blockFirst().batchId();
    }
}
