package app.muster.directory;

import java.util.UUID;

/** A user of one client org, as Muster holds them after a directory import. */
public record OrgUser(
        UUID id, UUID orgId, String email, String firstName, String lastName, String department, boolean active) {

    public String name() {
        return (firstName + " " + lastName).strip();
    }
}
