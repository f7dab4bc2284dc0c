package app.muster.directory;

import java.util.List;
import java.util.Objects;

/**
 * A client's user export after reading: the format it was recognised as, the people to import (suspended accounts
 * included) and the rows left out, each with its reason.
 */
public record DirectoryExport(
        String fileName, DirectoryFormat format, List<DirectoryPerson> people, List<SkippedRow> skipped) {

    public DirectoryExport {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        people = List.copyOf(people);
        skipped = List.copyOf(skipped);
    }

    public long suspendedCount() {
        return people.stream().filter(DirectoryPerson::suspended).count();
    }
}
