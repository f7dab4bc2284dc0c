package app.muster;

import app.muster.base.Rows;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.directory.TrainingState;
import app.muster.msp.Msps;
import app.muster.security.AdminAccounts;
import app.muster.security.AdminPrincipal;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The demo MSP's admin and clients, and a second MSP to prove that one tenant never sees another. */
@Component
public record TestTenants(AdminAccounts accounts, Msps msps, ClientOrgs clientOrgs, DatabaseClient db) {

    public AdminPrincipal demoAdmin() {
        return accounts.find(MusterTest.ADMIN).block();
    }

    public ClientOrg demoClient(String name) {
        return clientOrgs
                .list(demoAdmin().scope())
                .filter(org -> org.name().equals(name))
                .blockFirst();
    }

    /** A second MSP with one Ready client of its own and its own admin. */
    public AdminPrincipal otherMspAdmin() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        UUID mspId = msps.create("Other MSP " + suffix).block();
        String username = "admin-" + suffix + "@other-msp.example";
        accounts.create(mspId, username, "Other MSP admin", "other-password-" + suffix)
                .block();
        clientOrgs
                .create(mspId, "Other Client " + suffix, ZoneId.of("Europe/Paris"), TrainingState.READY)
                .block();
        return accounts.find(username).block();
    }

    public long activeUsers(ClientOrg org) {
        return count("SELECT COUNT(*) AS n FROM org_user WHERE org_id = :id AND status = 'ACTIVE'", org.id());
    }

    public long batches(ClientOrg org) {
        return count("SELECT COUNT(*) AS n FROM enrollment_batch WHERE org_id = :id", org.id());
    }

    public long count(String sql, UUID id) {
        return db.sql(sql).bind("id", id).map(row -> Rows.count(row, "n")).one().block();
    }

    public long count(String sql) {
        return db.sql(sql).map(row -> Rows.count(row, "n")).one().block();
    }
}
