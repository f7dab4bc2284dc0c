package app.muster.enrollment;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The one definition of who a targeting reaches in a client org: its active users, limited to members of the
 * included groups when groups are targeted or to the chosen users when users are, minus every member of an excluded
 * group.
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
              AND (:anyUser OR u.id IN (:users))
            """;

    private static final UUID NO_GROUP = new UUID(0, 0);

    private TargetedUsers() {}

    static GenericExecuteSpec bind(GenericExecuteSpec spec, UUID orgId, Targeting targeting) {
        return spec.bind("orgId", orgId)
                .bind("allIncluded", targeting.mode() != TargetMode.SPECIFIC_GROUPS)
                .bind("included", orNone(targeting.includedGroups()))
                .bind("excluded", orNone(targeting.excludedGroups()))
                .bind("anyUser", targeting.mode() != TargetMode.INDIVIDUAL_USERS)
                .bind("users", orNone(targeting.users()));
    }

    private static List<UUID> orNone(Set<UUID> ids) {
        return ids.isEmpty() ? List.of(NO_GROUP) : List.copyOf(ids);
    }
}
