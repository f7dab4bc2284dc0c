package app.muster.security;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in MSP admin: who they are and which MSP (tenant) every query of theirs is scoped to. */
public class MspAdminPrincipal extends User {

    public static final String ROLE = "MSP_ADMIN";

    private final UUID adminId;
    private final UUID mspId;
    private final String displayName;

    MspAdminPrincipal(UUID adminId, UUID mspId, String username, String displayName, String passwordHash) {
        super(username, passwordHash, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.adminId = adminId;
        this.mspId = mspId;
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
}
