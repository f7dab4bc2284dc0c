package app.muster.base;

import java.util.UUID;

/**
 * What a signed-in admin may reach: every client org of one MSP, or, for an org admin, one client org of it. Every
 * service query that reads or changes a client's data is bounded by a scope.
 */
public record TenantScope(UUID mspId, UUID clientOrgId) {

    public TenantScope {
        if (mspId == null) {
            throw new IllegalArgumentException("A scope always names its MSP.");
        }
    }

    public static TenantScope msp(UUID mspId) {
        return new TenantScope(mspId, null);
    }

    public static TenantScope clientOrg(UUID mspId, UUID clientOrgId) {
        return new TenantScope(mspId, clientOrgId);
    }

    /** Whether this scope is one client org's rather than the whole MSP's. */
    public boolean isClientOrg() {
        return clientOrgId != null;
    }

    /**
     * Whether a client org of this scope's MSP is within reach; that the org belongs to the MSP at all is checked by
     * the query, which always filters on the MSP.
     */
    public boolean reaches(UUID orgId) {
        return clientOrgId == null || clientOrgId.equals(orgId);
    }

    /** The same check, refusing as if the org did not exist: another org's ids are never confirmed. */
    public void requireReach(UUID orgId, String what) {
        if (!reaches(orgId)) {
            throw new NotFound(what);
        }
    }
}
