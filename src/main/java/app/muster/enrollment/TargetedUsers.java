package app.muster.enrollment;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The one definition of who a targeting reaches in a client org: its active users, limited to members of the
 * included groups when groups are targeted, minus every member of an excluded group.
 */
final class TargetedUsers {

    /** A condition on {@code org_user u}; bind its parameters with {@link #bind}. */
    static final String CONDITION = """
            u.org_id = :orgId
              AND u.status = 'ACTIVE'
              AND (:allIncluded OR EXISTS (
                    SELECT 1
                    FROM group_membership m
                    WHERE m.user_id = u.id
                      AND m.group_id IN (:included)))
              AND NOT EXISTS (
                    SELECT 1
                    FROM group_membership m
                    WHERE m.user_id = u.id
                      AND m.group_id IN (:excluded))
            """;

    private static final UUID NO_GROUP = new UUID(0, 0);

    private TargetedUsers() {
    }

    static GenericExecuteSpec bind(GenericExecuteSpec spec, UUID orgId, Targeting targeting) {
        return spec.bind("orgId", orgId)
                .bind("allIncluded", targeting.mode() != TargetMode.SPECIFIC_GROUPS)
                .bind("included", orNone(targeting.includedGroups()))
                .bind("excluded", orNone(targeting.excludedGroups()));
    }

    private static List<UUID> orNone(Set<UUID> groups) {
        return groups.isEmpty() ? List.of(NO_GROUP) : List.copyOf(groups);
    }
}
