package app.muster.directory;

import java.util.Objects;

/**
 * One person from a client's user export, as written there: email, first and last name, department and manager
 * when the export has them, and whether the account is suspended or blocked in the client's directory.
 */
public record DirectoryPerson(
        String email, String firstName, String lastName, String department, String managerEmail, boolean suspended) {

    public DirectoryPerson {
        email = Objects.requireNonNull(email, "email").strip();
        firstName = Objects.requireNonNull(firstName, "firstName").strip();
        lastName = Objects.requireNonNull(lastName, "lastName").strip();
        department = blankToNull(department);
        managerEmail = blankToNull(managerEmail);
    }

    public String emailKey() {
        return EmailAddresses.key(email);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
