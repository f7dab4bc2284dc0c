package app.muster.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.muster.directory.DemoFiles.DemoClient;
import app.muster.directory.DemoFiles.PlainCsv;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroupMembershipParserTests {

    static List<DemoClient> clients() {
        return DemoFiles.clients();
    }

    @ParameterizedTest
    @MethodSource("clients")
    void readsEachDistinctMembershipOfEveryDemoGroupFile(DemoClient client) {
        PlainCsv csv = DemoFiles.plain("groups/" + client.groupsFile());
        List<List<String>> distinct = csv.rows().stream()
                .map(row -> List.of(
                        csv.value(row, "group"), csv.value(row, "member_email").toLowerCase(Locale.ROOT)))
                .distinct()
                .toList();

        List<GroupMembership> memberships = DemoFiles.memberships(client.groupsFile());

        assertThat(memberships)
                .extracting(membership -> List.of(membership.group(), membership.emailKey()))
                .containsExactlyElementsOf(distinct);
    }

    @Test
    void keepsTheEmailAsWrittenAndMatchesItByLowerCaseKey() {
        GroupMembership managers = DemoFiles.memberships("bayside-dental-group.csv").stream()
                .filter(membership -> membership.memberEmail().equals("AARAV.MOREAU@BAYSIDE.EXAMPLE"))
                .findFirst()
                .orElseThrow();

        assertThat(managers.group()).isEqualTo("Managers");
        assertThat(managers.emailKey()).isEqualTo("aarav.moreau@bayside.example");
    }

    @Test
    void dropsARepeatedMembershipWrittenInOtherLetterCase() {
        List<GroupMembership> memberships = DemoFiles.memberships("acme-industries.csv");

        assertThat(memberships)
                .filteredOn(membership -> membership.emailKey().equals("samuel.nielsen@acme.example"))
                .containsExactly(
                        new GroupMembership("Operations", "samuel.nielsen@acme.example"),
                        new GroupMembership("Managers", "samuel.nielsen@acme.example"));
        assertThat(memberships).hasSize(236);
    }

    @Test
    void findsColumnsByNameInAnyOrderWithByteOrderMarkAndCrlf() {
        String text = "\uFEFFmember_email,Source,group\r\n"
                + " ana@example.com ,HR system, Sales \r\n"
                + "ben@example.com,,IT\r\n";

        assertThat(parse("groups.csv", text))
                .containsExactly(
                        new GroupMembership("Sales", "ana@example.com"), new GroupMembership("IT", "ben@example.com"));
    }

    @Test
    void keepsTheSameEmailInDifferentGroups() {
        String text = "group,member_email\nSales,ana@example.com\nManagers,ANA@example.com\n";

        assertThat(parse("groups.csv", text)).extracting(GroupMembership::group).containsExactly("Sales", "Managers");
    }

    @Test
    void ignoresRowsWithoutAGroupOrAnEmail() {
        String text = "group,member_email\n,ana@example.com\nSales,\nSales,ben@example.com\n";

        assertThat(parse("groups.csv", text)).containsExactly(new GroupMembership("Sales", "ben@example.com"));
    }

    @Test
    void refusesAFileWithoutTheMemberEmailColumnNamingIt() {
        DirectoryImportException refusal = refusal("teams.csv", "group,email\nSales,ana@example.com\n");

        assertThat(refusal)
                .hasMessage("teams.csv is not a group file Muster can read: it lacks the column(s) " + "member_email.");
        assertThat(refusal.fileName()).isEqualTo("teams.csv");
    }

    @Test
    void refusesAnEmptyFileClearly() {
        assertThat(refusal("groups.csv", "")).hasMessage("groups.csv is empty: it has no header row and no people.");
    }

    @Test
    void readsAFileWithOnlyAHeaderAsNoMemberships() {
        assertThat(parse("groups.csv", "group,member_email\r\n")).isEmpty();
    }

    private static List<GroupMembership> parse(String fileName, String text) {
        return new GroupMembershipParser().parse(fileName, DemoFiles.stream(text));
    }

    private static DirectoryImportException refusal(String fileName, String text) {
        return catchThrowableOfType(DirectoryImportException.class, () -> parse(fileName, text));
    }
}
