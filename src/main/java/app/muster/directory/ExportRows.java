package app.muster.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class ExportRows {

    private final DirectoryFormat format;
    private final Map<String, Integer> rowByEmailKey = new HashMap<>();
    private final List<DirectoryPerson> people = new ArrayList<>();
    private final List<SkippedRow> skipped = new ArrayList<>();

    ExportRows(DirectoryFormat format) {
        this.format = format;
    }

    void add(CsvRow row) {
        String email = row.get(format.emailColumn());
        skipReason(row, email)
                .ifPresentOrElse(
                        reason -> skipped.add(new SkippedRow(row.number(), email.isEmpty() ? null : email, reason)),
                        () -> keep(row, email));
    }

    DirectoryExport toExport(String fileName) {
        return new DirectoryExport(fileName, format, people, skipped);
    }

    private Optional<String> skipReason(CsvRow row, String email) {
        if (email.isEmpty()) {
            return Optional.of(SkippedRow.NO_EMAIL);
        }
        if (format.isGuest(row)) {
            return Optional.of(SkippedRow.GUEST);
        }
        if (!EmailAddresses.looksValid(email)) {
            return Optional.of(SkippedRow.INVALID_EMAIL);
        }
        if (hasNoName(row)) {
            return Optional.of(SkippedRow.SHARED_MAILBOX);
        }
        return Optional.ofNullable(rowByEmailKey.get(EmailAddresses.key(email))).map(SkippedRow::duplicateOf);
    }

    private boolean hasNoName(CsvRow row) {
        return row.get(format.firstNameColumn()).isEmpty()
                && row.get(format.lastNameColumn()).isEmpty();
    }

    private void keep(CsvRow row, String email) {
        rowByEmailKey.put(EmailAddresses.key(email), row.number());
        people.add(new DirectoryPerson(
                email,
                row.get(format.firstNameColumn()),
                row.get(format.lastNameColumn()),
                row.get(format.departmentColumn()),
                managerEmail(row),
                format.isSuspended(row)));
    }

    private String managerEmail(CsvRow row) {
        return EmailAddresses.validOrNull(row.get(format.managerEmailColumn()));
    }
}
