package app.muster.directory;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The user-export formats Muster reads, each recognised by the names in its header row and knowing which columns
 * hold a person's email, name, department and manager, and how it marks suspended accounts and guests.
 */
public enum DirectoryFormat {
    M365_A(
            "m365-a",
            "Microsoft 365 users export (older column order)",
            m365Columns(),
            new Flag("Block credential", "True"),
            Flag.NONE,
            "Country/Region"),
    M365_B(
            "m365-b",
            "Microsoft 365 users export",
            m365Columns(),
            new Flag("Block credential", "True"),
            Flag.NONE,
            "CountryOrRegion"),
    ENTRA_DOWNLOAD(
            "entra-download",
            "Entra ID user download",
            new Columns("userPrincipalName", "givenName", "surname", "department", null),
            new Flag("accountEnabled", "False"),
            new Flag("userType", "Guest")),
    GOOGLE_DOWNLOAD(
            "google-download",
            "Google Workspace user download",
            googleColumns(),
            new Flag("Status [READ ONLY]", "Suspended"),
            Flag.NONE,
            "Last Sign In [READ ONLY]"),
    GOOGLE_UPLOAD(
            "google-upload",
            "Google Workspace user upload template",
            googleColumns(),
            new Flag("New Status [UPLOAD ONLY]", "Suspended"),
            Flag.NONE),
    OKTA(
            "okta",
            "Okta user import template",
            new Columns("email", "firstName", "lastName", "department", "managerId"),
            Flag.NONE,
            Flag.NONE,
            "login");

    private static final String GUEST_MARK = "#EXT#";

    private final String id;
    private final String label;
    private final Columns columns;
    private final Flag suspended;
    private final Flag guest;
    private final List<String> requiredColumns;

    DirectoryFormat(String id, String label, Columns columns, Flag suspended, Flag guest, String... markers) {
        this.id = id;
        this.label = label;
        this.columns = columns;
        this.suspended = suspended;
        this.guest = guest;
        this.requiredColumns = required(columns, suspended, guest, markers);
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public List<String> missingColumns(Collection<String> headerNames) {
        return CsvTable.missing(headerNames, requiredColumns);
    }

    public static DirectoryFormat fromId(String id) {
        return Arrays.stream(values())
                .filter(format -> format.id.equalsIgnoreCase(id.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown directory format: " + id));
    }

    public static Optional<DirectoryFormat> detect(Collection<String> headerNames) {
        return detect(headerNames, null);
    }

    public static Optional<DirectoryFormat> detect(Collection<String> headerNames, DirectoryFormat expected) {
        return Arrays.stream(values())
                .filter(format -> format.missingColumns(headerNames).isEmpty())
                .max(Comparator.comparingInt((DirectoryFormat format) -> format.requiredColumns.size())
                        .thenComparing(format -> format == expected));
    }

    static DirectoryFormat detectIn(String fileName, Collection<String> headerNames, DirectoryFormat expected) {
        return detect(headerNames, expected).orElseThrow(() -> unrecognised(fileName, headerNames, expected));
    }

    String emailColumn() {
        return columns.email();
    }

    String firstNameColumn() {
        return columns.firstName();
    }

    String lastNameColumn() {
        return columns.lastName();
    }

    String departmentColumn() {
        return columns.department();
    }

    String managerEmailColumn() {
        return columns.managerEmail();
    }

    boolean isSuspended(CsvRow row) {
        return suspended.isSetIn(row);
    }

    boolean isGuest(CsvRow row) {
        return guest.isSetIn(row)
                || row.get(emailColumn()).toUpperCase(Locale.ROOT).contains(GUEST_MARK);
    }

    private static DirectoryImportException unrecognised(
            String fileName, Collection<String> header, DirectoryFormat expected) {
        DirectoryFormat closest = expected != null ? expected : closestTo(header);
        return new DirectoryImportException(
                fileName,
                "is not a user export Muster can read: for the "
                        + closest.label + " format it lacks the column(s) "
                        + String.join(", ", closest.missingColumns(header)) + ".");
    }

    private static DirectoryFormat closestTo(Collection<String> header) {
        return Arrays.stream(values())
                .min(Comparator.comparingInt(
                        format -> format.missingColumns(header).size()))
                .orElseThrow();
    }

    private static List<String> required(Columns columns, Flag suspended, Flag guest, String... markers) {
        Stream<String> read =
                Stream.of(columns.email(), columns.firstName(), columns.lastName(), suspended.column(), guest.column());
        return Stream.concat(read, Arrays.stream(markers))
                .filter(column -> column != null)
                .toList();
    }

    private static Columns m365Columns() {
        return new Columns("User principal name", "First name", "Last name", "Department", null);
    }

    private static Columns googleColumns() {
        return new Columns(
                "Email Address [Required]",
                "First Name [Required]",
                "Last Name [Required]",
                "Department",
                "Manager Email");
    }

    record Columns(String email, String firstName, String lastName, String department, String managerEmail) {}

    record Flag(String column, String value) {

        static final Flag NONE = new Flag(null, null);

        boolean isSetIn(CsvRow row) {
            return column != null && row.get(column).equalsIgnoreCase(value);
        }
    }
}
