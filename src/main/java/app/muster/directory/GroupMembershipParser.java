package app.muster.directory;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a client's group file, a CSV with the columns {@code group} and {@code member_email} found by name. Each
 * membership is returned once, in file order: a repeated row, even with the email in other letter case, is dropped,
 * and so is a row without a group or an email. The stream is read to its end and closed.
 */
public final class GroupMembershipParser {

    static final String GROUP = "group";
    static final String MEMBER_EMAIL = "member_email";

    public List<GroupMembership> parse(String fileName, InputStream in) {
        CsvTable table = CsvTable.read(fileName, in);
        requireColumns(fileName, table);
        Map<List<String>, GroupMembership> memberships = new LinkedHashMap<>();
        table.rows().stream()
                .map(GroupMembershipParser::membership)
                .filter(membership -> !membership.group().isEmpty()
                        && !membership.memberEmail().isEmpty())
                .forEach(membership -> memberships.putIfAbsent(key(membership), membership));
        return List.copyOf(memberships.values());
    }

    private static void requireColumns(String fileName, CsvTable table) {
        List<String> missing = CsvTable.missing(table.header(), List.of(GROUP, MEMBER_EMAIL));
        if (!missing.isEmpty()) {
            throw new DirectoryImportException(
                    fileName,
                    "is not a group file Muster can read: it lacks the column(s) " + String.join(", ", missing) + ".");
        }
    }

    private static GroupMembership membership(CsvRow row) {
        return new GroupMembership(row.get(GROUP), row.get(MEMBER_EMAIL));
    }

    private static List<String> key(GroupMembership membership) {
        return List.of(membership.group(), membership.emailKey());
    }
}
