package app.muster.directory;

import java.util.Objects;

/** One row of a client's group file: a group name and the email of one of its members, as written in the file. */
public record GroupMembership(String group, String memberEmail) {

    public GroupMembership {
        group = Objects.requireNonNull(group, "group").strip();
        memberEmail = Objects.requireNonNull(memberEmail, "memberEmail").strip();
    }

    public String emailKey() {
        return EmailAddresses.key(memberEmail);
    }
}
