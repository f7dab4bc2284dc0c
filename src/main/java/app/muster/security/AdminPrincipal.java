package app.muster.security;

import app.muster.base.SecretTokens;
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
    private final String credentialStamp;

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
        this.credentialStamp = stampOf(passwordHash);
    }

    /** A short digest of a stored password hash: it changes with the password and reveals nothing of it. */
    static String stampOf(String passwordHash) {
        return passwordHash == null || passwordHash.isEmpty()
                ? ""
                : SecretTokens.hash(passwordHash).substring(0, 16);
    }

    /** The password this admin signed in with, as a stamp: a session whose stamp is outdated has ended. */
    String credentialStamp() {
        return credentialStamp;
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
