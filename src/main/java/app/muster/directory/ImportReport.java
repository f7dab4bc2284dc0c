package app.muster.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one client's import did, in an MSP admin's words: how many people were imported and how many of them are
 * suspended, which rows were skipped and why, how many group memberships found their person, and which member
 * emails of the group file are not in the user export.
 */
public record ImportReport(
        String fileName,
        int imported,
        int suspended,
        List<SkippedRow> skipped,
        int membershipsMatched,
        List<String> membershipsUnmatched) {

    public ImportReport {
        skipped = List.copyOf(skipped);
        membershipsUnmatched = List.copyOf(membershipsUnmatched);
    }

    public static ImportReport of(DirectoryExport export, List<GroupMembership> memberships) {
        Set<String> known =
                export.people().stream().map(DirectoryPerson::emailKey).collect(Collectors.toSet());
        int matched = (int) memberships.stream()
                .filter(membership -> known.contains(membership.emailKey()))
                .count();
        return new ImportReport(
                export.fileName(),
                export.people().size(),
                (int) export.suspendedCount(),
                export.skipped(),
                matched,
                unmatchedEmails(memberships, known));
    }

    public String summary() {
        String summary = fileName + ": " + imported + " imported (" + suspended + " suspended), " + skipped.size()
                + " skipped, " + count(membershipsMatched, "group membership", "group memberships");
        return membershipsUnmatched.isEmpty()
                ? summary
                : summary + ", " + count(membershipsUnmatched.size(), "group member", "group members")
                        + " not in the export";
    }

    private static List<String> unmatchedEmails(List<GroupMembership> memberships, Set<String> known) {
        Map<String, String> unmatched = new LinkedHashMap<>();
        memberships.stream()
                .filter(membership -> !known.contains(membership.emailKey()))
                .forEach(membership -> unmatched.putIfAbsent(membership.emailKey(), membership.memberEmail()));
        return List.copyOf(unmatched.values());
    }

    private static String count(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
