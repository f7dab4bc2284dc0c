package app.muster.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.directory.DemoFiles.DemoClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ImportReportTests {

    static List<DemoClient> clients() {
        return DemoFiles.clients();
    }

    @ParameterizedTest
    @MethodSource("clients")
    void accountsForEveryMembershipOfEveryDemoClient(DemoClient client) {
        DirectoryExport export = DemoFiles.export(client.directoryFile());
        List<GroupMembership> memberships = DemoFiles.memberships(client.groupsFile());

        ImportReport report = ImportReport.of(export, memberships);

        assertThat(report.imported()).isEqualTo(export.people().size());
        assertThat(report.suspended()).isEqualTo(export.suspendedCount());
        assertThat(report.skipped()).isEqualTo(export.skipped());
        assertThat(report.membershipsMatched() + unmatchedMemberships(report, memberships))
                .isEqualTo(memberships.size());
    }

    @ParameterizedTest(name = "{0}: {1} matched, {2} unmatched")
    @CsvSource({
        "acme-industries.csv, 236, 0",
        "aurora-nonprofit-alliance.csv, 16, 0",
        "bayside-dental-group.csv, 54, 0",
        "beacon-hill-bakery.csv, 11, 0",
        "cedar-ridge-law-llp.csv, 70, 0",
        "cobalt-mining-services.csv, 113, 0",
        "delta-freight-logistics.csv, 337, 0",
        "driftwood-hotel-spa.csv, 72, 0",
        "evergreen-family-clinic.csv, 103, 0",
        "fjord-consulting-as.csv, 32, 0",
        "granite-state-credit-union.csv, 185, 0",
        "harbor-point-marina.csv, 17, 0",
        "iberia-tapas-group.csv, 88, 0",
        "juniper-architecture.csv, 27, 0",
        "kestrel-aerospace-parts.csv, 509, 0",
        "lakeside-school-district.csv, 407, 0",
        "meridian-accounting.csv, 46, 0",
        "northstar-realty.csv, 63, 0",
        "orchard-veterinary-hospital.csv, 38, 0",
        "pinecrest-senior-living.csv, 267, 0",
        "quayside-insurance-brokers.csv, 81, 0",
        "redwood-credit-partners.csv, 49, 0",
        "summit-outdoor-supply.csv, 124, 1",
        "tidewater-title-escrow.csv, 22, 0",
        "uluru-tours-pty-ltd.csv, 58, 0",
        "vantage-engineering-gmbh.csv, 166, 0",
        "willow-creek-pharmacy.csv, 31, 0",
        "xenon-labs.csv, 86, 4",
        "yellowstone-builders.csv, 89, 0",
        "zenith-home-health.csv, 148, 0"
    })
    void matchesTheHandCheckedNumbersOfMemberships(String file, int matched, int unmatched) {
        ImportReport report = report(file);

        assertThat(report.membershipsMatched()).isEqualTo(matched);
        assertThat(report.membershipsUnmatched()).hasSize(unmatched);
    }

    @Test
    void matchesUpperCaseGroupEmailsToPeople() {
        ImportReport report = report("bayside-dental-group.csv");

        assertThat(DemoFiles.memberships("bayside-dental-group.csv"))
                .extracting(GroupMembership::memberEmail)
                .contains("AARAV.MOREAU@BAYSIDE.EXAMPLE");
        assertThat(report.membershipsUnmatched()).isEmpty();
        assertThat(report.membershipsMatched()).isEqualTo(54);
    }

    @Test
    void listsEachGroupMemberMissingFromTheExportOnce() {
        assertThat(report("xenon-labs.csv").membershipsUnmatched())
                .containsExactly(
                        "elif.young@xenon.example",
                        "nadia.singh@xenon.example",
                        "nour.wojcik@xenon.example",
                        "alejandro.abara@xenon.example");
        assertThat(report("summit-outdoor-supply.csv").membershipsUnmatched())
                .containsExactly("karin.cruz@summit.example");
    }

    @Test
    void countsSuspendedPeopleAsMatchedButNotSkippedOnes() {
        DirectoryExport export = new DirectoryExport(
                "users.csv",
                DirectoryFormat.OKTA,
                List.of(new DirectoryPerson("ana@example.com", "Ana", "Lopez", null, null, true)),
                List.of(new SkippedRow(3, "guest@partner.example", "guest account")));

        ImportReport report = ImportReport.of(
                export,
                List.of(
                        new GroupMembership("Sales", "Ana@Example.com"),
                        new GroupMembership("Sales", "guest@partner.example")));

        assertThat(report.membershipsMatched()).isEqualTo(1);
        assertThat(report.membershipsUnmatched()).containsExactly("guest@partner.example");
    }

    @Test
    void summarisesAnImportInOneLine() {
        assertThat(report("beacon-hill-bakery.csv").summary())
                .isEqualTo("beacon-hill-bakery.csv: 6 imported (1 suspended), 1 skipped, 11 group memberships");
        assertThat(report("acme-industries.csv").summary())
                .isEqualTo("acme-industries.csv: 180 imported (10 suspended), 1 skipped, 236 group memberships");
    }

    @Test
    void summaryMentionsGroupMembersNotInTheExport() {
        assertThat(report("xenon-labs.csv").summary())
                .isEqualTo("xenon-labs.csv: 62 imported (0 suspended), "
                        + "0 skipped, 86 group memberships, 4 group members not in the export");
        assertThat(report("summit-outdoor-supply.csv").summary()).endsWith(", 1 group member not in the export");
    }

    private static ImportReport report(String file) {
        return ImportReport.of(DemoFiles.export(file), DemoFiles.memberships(file));
    }

    private static long unmatchedMemberships(ImportReport report, List<GroupMembership> memberships) {
        List<String> unmatched =
                report.membershipsUnmatched().stream().map(EmailAddresses::key).toList();
        return memberships.stream()
                .filter(membership -> unmatched.contains(membership.emailKey()))
                .count();
    }
}
