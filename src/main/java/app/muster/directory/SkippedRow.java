package app.muster.directory;

/**
 * A row of a user export that was not imported: its row number as a spreadsheet shows it (the header is row 1),
 * its email address when it has one, and the reason in an MSP admin's words.
 */
public record SkippedRow(int row, String email, String reason) {

    static final String NO_EMAIL = "no email address";
    static final String GUEST = "guest account";
    static final String INVALID_EMAIL = "not a valid email address";
    static final String SHARED_MAILBOX = "shared mailbox without a first and last name";
    static final String DUPLICATE = "duplicate email";

    static String duplicateOf(int firstRow) {
        return DUPLICATE + ", already on row " + firstRow;
    }
}
