package app.muster.security;

import app.muster.base.TenantScope;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in admin: an MSP admin, who reaches every client org of their MSP, or an org admin, who reaches their one
 * client org. Every query of theirs is bounded by {@link #scope()}.
 */
public class AdminPrincipal extends User {

    public static final String MSP_ADMIN = "MSP_ADMIN";
    public static final String ORG_ADMIN = "ORG_ADMIN";

    private final UUID adminId;
    private final UUID mspId;
    private final UUID clientOrgId;
    private final String displayName;

    AdminPrincipal(
            UUID adminId, UUID mspId, UUID clientOrgId, String username, String displayName, String passwordHash) {
        super(
                username,
                passwordHash,
                List.of(new SimpleGrantedAuthority("ROLE_" + (clientOrgId == null ? MSP_ADMIN : ORG_ADMIN))));
        this.adminId = adminId;
        this.mspId = mspId;
        this.clientOrgId = clientOrgId;
        this.displayName = displayName;
    }

    public UUID adminId() {
        return adminId;
    }

    public UUID mspId() {
        return mspId;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isOrgAdmin() {
        return clientOrgId != null;
    }

    public TenantScope scope() {
        return new TenantScope(mspId, clientOrgId);
    }
}
