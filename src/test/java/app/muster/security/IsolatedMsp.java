package app.muster.security;

import app.muster.directory.ClientOrg;
import app.muster.directory.OrgUser;
import app.muster.directory.UserGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One MSP of the isolation suite, built through the services as its admin would: two Ready clients with users, groups,
 * an org admin and a launched batch each, the admin's API token and a learner link per client.
 */
record IsolatedMsp(
        UUID mspId,
        String name,
        AdminPrincipal admin,
        String password,
        String apiToken,
        UUID apiTokenId,
        String apiTokenName,
        Client first,
        Client second) {

    /**
     * A client of the MSP. Its batch has an Enrolled row (a course the client may use) and a Needs Access row (one
     * it may not), so that a retry or an enabled course would visibly change it.
     */
    record Client(
            ClientOrg org,
            List<OrgUser> users,
            List<UserGroup> groups,
            UUID batchId,
            UUID enrolledRow,
            UUID needsAccessRow,
            AdminPrincipal orgAdmin,
            String orgAdminPassword,
            String learnerToken) {

        public UUID id() {
            return org.id();
        }

        public String name() {
            return org.name();
        }

        /** What only this client has: any of these in what another admin is shown is a leak. */
        public Fingerprints fingerprints() {
            List<String> texts = new ArrayList<>(List.of(org.name(), orgAdmin.getUsername()));
            users.forEach(user -> texts.addAll(List.of(user.email(), user.name())));
            groups.forEach(group -> texts.add(group.name()));
            List<UUID> ids =
                    new ArrayList<>(List.of(org.id(), batchId, enrolledRow, needsAccessRow, orgAdmin.adminId()));
            users.forEach(user -> ids.add(user.id()));
            groups.forEach(group -> ids.add(group.id()));
            return new Fingerprints(texts, ids);
        }
    }

    public List<Client> clients() {
        return List.of(first, second);
    }

    /** What only this MSP has: its clients' fingerprints and its own id, name, admin and token. */
    public Fingerprints fingerprints() {
        var own = new Fingerprints(
                List.of(name, admin.getUsername(), apiTokenName), List.of(mspId, admin.adminId(), apiTokenId));
        return Stream.of(own, first.fingerprints(), second.fingerprints())
                .reduce(Fingerprints::and)
                .orElseThrow();
    }

    /** Texts and ids that belong to one tenant alone. */
    record Fingerprints(List<String> texts, List<UUID> ids) {

        Fingerprints and(Fingerprints more) {
            return new Fingerprints(
                    Stream.concat(texts.stream(), more.texts.stream()).toList(),
                    Stream.concat(ids.stream(), more.ids.stream()).toList());
        }

        /** Every fingerprint found in what was shown; texts are compared ignoring letter case. */
        public List<String> foundIn(String shown) {
            String lower = shown.toLowerCase();
            return Stream.concat(texts.stream(), ids.stream().map(UUID::toString))
                    .filter(print -> lower.contains(print.toLowerCase()))
                    .toList();
        }

        /** The same, for text that names no ids, such as a refusal that repeats the id it was asked about. */
        public List<String> textsFoundIn(String shown) {
            String lower = shown.toLowerCase();
            return texts.stream()
                    .filter(print -> lower.contains(print.toLowerCase()))
                    .toList();
        }
    }
}
