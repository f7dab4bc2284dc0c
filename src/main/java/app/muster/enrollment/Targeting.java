package app.muster.enrollment;

import java.util.Set;
import java.util.UUID;

/**
 * The recipients of a batch. Groups and users are the chosen client's own; a user in both an included and an
 * excluded group is excluded. Active users are resolved when each course enrollment fires, not at launch.
 */
public record Targeting(TargetMode mode, Set<UUID> includedGroups, Set<UUID> excludedGroups, Set<UUID> users) {

    public Targeting {
        mode = mode == null ? TargetMode.ALL_USERS : mode;
        includedGroups = includedGroups == null ? Set.of() : Set.copyOf(includedGroups);
        excludedGroups = excludedGroups == null ? Set.of() : Set.copyOf(excludedGroups);
        users = users == null ? Set.of() : Set.copyOf(users);
    }

    public static Targeting allUsers() {
        return new Targeting(TargetMode.ALL_USERS, Set.of(), Set.of(), Set.of());
    }

    public static Targeting groups(Set<UUID> included, Set<UUID> excluded) {
        return new Targeting(TargetMode.SPECIFIC_GROUPS, included, excluded, Set.of());
    }

    public static Targeting excludeGroups(Set<UUID> excluded) {
        return new Targeting(TargetMode.EXCLUDE_GROUPS, Set.of(), excluded, Set.of());
    }

    /** Chosen users of one client; those who are suspended when a course fires make it Partial. */
    public static Targeting individualUsers(Set<UUID> users) {
        return new Targeting(TargetMode.INDIVIDUAL_USERS, Set.of(), Set.of(), users);
    }
}
