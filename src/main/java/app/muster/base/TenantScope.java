package app.muster.base;

import java.util.UUID;
import reactor.core.publisher.Mono;

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

    /**
     * Completes empty when the client org is within reach, and otherwise fails as if it did not exist: another org's
     * ids are never confirmed. Chain the query after it.
     */
    public Mono<Void> within(UUID orgId) {
        return reaches(orgId) ? Mono.empty() : Mono.error(new NotFound("Client org " + orgId));
    }
}
