package app.muster.enrollment;

import java.util.List;
import java.util.UUID;

/**
 * What a launch would do at one client if it enrolled now: how many learners it reaches (active users after the
 * targeting rules) and which of the chosen courses the client does not have enabled.
 */
public record ClientPreview(UUID orgId, String orgName, long learners, List<String> needsAccess, String refusal) {

    public ClientPreview {
        needsAccess = List.copyOf(needsAccess);
    }

    public boolean refused() {
        return refusal != null;
    }
}
