package app.muster.enrollment;

import java.util.UUID;

/** How one client of a launch came out: its new batch, or the reason it has none. */
public record LaunchResult(UUID orgId, String orgName, UUID batchId, String error) {

    static LaunchResult created(UUID orgId, String orgName, UUID batchId) {
        return new LaunchResult(orgId, orgName, batchId, null);
    }

    static LaunchResult refused(UUID orgId, String orgName, String error) {
        return new LaunchResult(orgId, orgName, null, error);
    }

    public boolean succeeded() {
        return error == null;
    }
}
