package app.muster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.base.Rows;
import app.muster.base.TenantScope;
import app.muster.catalog.CourseLibrary;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.directory.DirectoryExport;
import app.muster.directory.DirectoryExportParser;
import app.muster.directory.TrainingState;
import app.muster.msp.Msps;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/** Runs in an application context of its own, so that no other test has changed the demo MSP before it. */
@MusterTest
@TestPropertySource(properties = "muster.test.context=demo-loader")
class DemoMspLoaderTests {

    @Autowired
    DemoMspLoader loader;

    @Autowired
    Msps msps;

    @Autowired
    ClientOrgs clientOrgs;

    @Autowired
    CourseLibrary courseLibrary;

    @Autowired
    DatabaseClient db;

    @Test
    void loadsThirtyClientOrgsOfWhichThreeAreNotConfigured() {
        List<ClientOrg> orgs =
                clientOrgs.list(TenantScope.msp(demoMsp())).collectList().block();

        assertThat(orgs).hasSize(30);
        assertThat(orgs)
                .filteredOn(org -> org.trainingState() == TrainingState.NOT_CONFIGURED)
                .extracting(ClientOrg::name)
                .containsExactlyInAnyOrder("Beacon Hill Bakery", "Cobalt Mining Services", "Driftwood Hotel & Spa");
    }

    @Test
    void loadsEachClientsUsersAsItsExportHasThem() throws IOException {
        UUID mspId = demoMsp();
        for (CSVRecord client : clients()) {
            ClientOrg org = orgNamed(mspId, client.get("client"));
            DirectoryExport export = parse(client.get("directory_file"));

            assertThat(count("SELECT COUNT(*) AS n FROM org_user WHERE org_id = :orgId", org.id()))
                    .as(client.get("client") + " users")
                    .isEqualTo(export.people().size());
            assertThat(count(
                            "SELECT COUNT(*) AS n FROM org_user WHERE org_id = :orgId AND status = 'SUSPENDED'",
                            org.id()))
                    .as(client.get("client") + " suspended users")
                    .isEqualTo(export.suspendedCount());
        }
    }

    @Test
    void givesEachClientEveryCourseButTheOnesListedWithoutAccess() throws IOException {
        UUID mspId = demoMsp();
        long libraryCourses = courseLibrary.all().count().block();
        for (CSVRecord client : clients()) {
            ClientOrg org = orgNamed(mspId, client.get("client"));
            Set<String> withoutAccess =
                    Set.of(client.get("courses_without_access").split(" "));

            Set<String> access = courseLibrary
                    .coursesWithAccess(TenantScope.msp(mspId), org.id())
                    .block();

            assertThat(access).doesNotContainAnyElementsOf(withoutAccess);
            assertThat(access).hasSize((int) libraryCourses - withoutAccess.size());
        }
    }

    @Test
    void matchesGroupMembersToUsersWhateverTheirLetterCase() {
        ClientOrg acme = orgNamed(demoMsp(), "Acme Industries");

        long managers = count("""
                SELECT COUNT(*) AS n
                FROM group_membership m
                JOIN user_group g ON g.id = m.group_id
                WHERE g.org_id = :orgId
                  AND g.name = 'Managers'
                """, acme.id());

        assertThat(managers).isPositive();
    }

    @Test
    void aSecondStartLoadsNothingTwice() {
        long usersBefore = count("SELECT COUNT(*) AS n FROM org_user");

        loader.run(null);

        assertThat(count("SELECT COUNT(*) AS n FROM msp WHERE name = 'Demo MSP'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM org_user")).isEqualTo(usersBefore);
    }

    private UUID demoMsp() {
        return msps.findByName(DemoMspLoader.DEMO_MSP).block();
    }

    private ClientOrg orgNamed(UUID mspId, String name) {
        return clientOrgs
                .list(TenantScope.msp(mspId))
                .filter(org -> org.name().equals(name))
                .blockFirst();
    }

    private long count(String sql, UUID orgId) {
        return db.sql(sql)
                .bind("orgId", orgId)
                .map(row -> Rows.count(row, "n"))
                .one()
                .block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> Rows.count(row, "n")).one().block();
    }

    private static List<CSVRecord> clients() throws IOException {
        try (InputStream in = new ClassPathResource("demo/clients.csv").getInputStream()) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getRecords();
        }
    }

    private static DirectoryExport parse(String file) throws IOException {
        try (InputStream in = new ClassPathResource("demo/" + file).getInputStream()) {
            return new DirectoryExportParser().parse(file, in);
        }
    }
}
