package app.muster.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import app.muster.directory.DemoFiles.DemoClient;
import app.muster.directory.DemoFiles.PlainCsv;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DirectoryExportParserTests {

    private static final Map<String, PlainRule> RULES = Map.of(
            "m365-a", new PlainRule("User principal name", "First name", "Last name", "Block credential", "True", null),
            "m365-b", new PlainRule("User principal name", "First name", "Last name", "Block credential", "True", null),
            "entra-download",
                    new PlainRule("userPrincipalName", "givenName", "surname", "accountEnabled", "False", "userType"),
            "google-download",
                    new PlainRule(
                            "Email Address [Required]",
                            "First Name [Required]",
                            "Last Name [Required]",
                            "Status [READ ONLY]",
                            "Suspended",
                            null),
            "google-upload",
                    new PlainRule(
                            "Email Address [Required]",
                            "First Name [Required]",
                            "Last Name [Required]",
                            "New Status [UPLOAD ONLY]",
                            "Suspended",
                            null),
            "okta", new PlainRule("email", "firstName", "lastName", null, null, null));

    static List<DemoClient> clients() {
        return DemoFiles.clients();
    }

    @Test
    void demoSetHasThirtyClientsCoveringAllSixFormats() {
        assertThat(clients()).hasSize(30);
        assertThat(clients())
                .extracting(DemoClient::formatId)
                .containsOnlyElementsOf(RULES.keySet())
                .containsAll(Arrays.stream(DirectoryFormat.values())
                        .map(DirectoryFormat::id)
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("clients")
    void recognisesTheFormatThatClientsCsvNames(DemoClient client) {
        assertThat(DemoFiles.export(client.directoryFile()).format().id()).isEqualTo(client.formatId());
    }

    @ParameterizedTest
    @MethodSource("clients")
    void importsWhatAPlainReadingOfTheExportExpects(DemoClient client) {
        PlainExpectation expected = PlainExpectation.of(client);

        DirectoryExport export = DemoFiles.export(client.directoryFile());

        assertThat(export.fileName()).isEqualTo(client.directoryFile());
        assertThat(export.people()).extracting(DirectoryPerson::email).containsExactlyElementsOf(expected.imported());
        assertThat(export.people())
                .filteredOn(DirectoryPerson::suspended)
                .extracting(DirectoryPerson::email)
                .containsExactlyElementsOf(expected.suspended());
        assertThat(export.skipped())
                .extracting(SkippedRow::row, SkippedRow::email, SkippedRow::reason)
                .containsExactlyElementsOf(expected.skipped());
    }

    @ParameterizedTest(name = "{0}: {1} imported, {2} suspended, {3} skipped")
    @CsvSource({
        "acme-industries.csv, 180, 10, 1", "aurora-nonprofit-alliance.csv, 12, 0, 0",
        "bayside-dental-group.csv, 35, 4, 0", "beacon-hill-bakery.csv, 6, 1, 1",
        "cedar-ridge-law-llp.csv, 48, 1, 1", "cobalt-mining-services.csv, 75, 2, 1",
        "delta-freight-logistics.csv, 260, 10, 1", "driftwood-hotel-spa.csv, 44, 4, 0",
        "evergreen-family-clinic.csv, 72, 4, 1", "fjord-consulting-as.csv, 22, 2, 0",
        "granite-state-credit-union.csv, 140, 10, 1", "harbor-point-marina.csv, 9, 1, 0",
        "iberia-tapas-group.csv, 64, 0, 1", "juniper-architecture.csv, 18, 0, 0",
        "kestrel-aerospace-parts.csv, 390, 21, 1", "lakeside-school-district.csv, 310, 11, 0",
        "meridian-accounting.csv, 27, 1, 1", "northstar-realty.csv, 41, 2, 1",
        "orchard-veterinary-hospital.csv, 23, 2, 0", "pinecrest-senior-living.csv, 205, 15, 1",
        "quayside-insurance-brokers.csv, 56, 3, 1", "redwood-credit-partners.csv, 31, 1, 1",
        "summit-outdoor-supply.csv, 87, 0, 0", "tidewater-title-escrow.csv, 14, 0, 1",
        "uluru-tours-pty-ltd.csv, 37, 3, 0", "vantage-engineering-gmbh.csv, 120, 1, 1",
        "willow-creek-pharmacy.csv, 19, 0, 1", "xenon-labs.csv, 62, 0, 0",
        "yellowstone-builders.csv, 52, 1, 1", "zenith-home-health.csv, 97, 4, 1"
    })
    void importsTheHandCheckedNumbersOfPeople(String file, int imported, int suspended, int skipped) {
        DirectoryExport export = DemoFiles.export(file);

        assertThat(export.people()).hasSize(imported);
        assertThat(export.suspendedCount()).isEqualTo(suspended);
        assertThat(export.skipped()).hasSize(skipped);
    }

    @Test
    void skipsEntraGuestAccount() {
        DirectoryExport export = DemoFiles.export("delta-freight-logistics.csv");

        assertThat(export.skipped())
                .containsExactly(new SkippedRow(
                        262, "partner.contact_partner.example#EXT#@delta.onmicrosoft.example", "guest account"));
        assertThat(export.people()).extracting(DirectoryPerson::emailKey).noneMatch(email -> email.contains("#ext#"));
    }

    @Test
    void skipsUnlicensedSharedMailboxWithoutFirstAndLastName() {
        DirectoryExport export = DemoFiles.export("acme-industries.csv");

        assertThat(export.skipped())
                .containsExactly(
                        new SkippedRow(182, "reception@acme.example", "shared mailbox without a first and last name"));
    }

    @Test
    void keepsGoogleSuspendedUsersAsSuspendedPeople() {
        assertThat(suspendedEmails("bayside-dental-group.csv"))
                .containsExactly(
                        "thomas.oliveira@bayside.example",
                        "elena.macdonald@bayside.example",
                        "chloe.walker@bayside.example",
                        "adriana.macdonald@bayside.example");
    }

    @Test
    void readsSuspensionFromGoogleUploadNewStatusColumn() {
        assertThat(suspendedEmails("harbor-point-marina.csv")).containsExactly("thandiwe.sato@harbor.example");
    }

    @Test
    void keepsMicrosoft365BlockedUsersAsSuspendedPeople() {
        assertThat(suspendedEmails("beacon-hill-bakery.csv")).containsExactly("xavier.wilson@beacon.example");
    }

    @Test
    void keepsEntraDisabledAccountsAsSuspendedPeople() {
        assertThat(suspendedEmails("redwood-credit-partners.csv")).containsExactly("grace.quinn@redwood.example");
    }

    @Test
    void keepsAccentsApostrophesAndNonAsciiEmails() {
        DirectoryPerson yusuf = person("juniper-architecture.csv", "yusuf.dvorak@juniper.example");
        DirectoryPerson isabela = person("summit-outdoor-supply.csv", "isabela.oneill@summit.example");

        assertThat(yusuf.lastName()).isEqualTo("Dvořák");
        assertThat(person("juniper-architecture.csv", "zoe.romano@juniper.example")
                        .firstName())
                .isEqualTo("Zoë");
        assertThat(person("acme-industries.csv", "laura.dvorak@acme.example").lastName())
                .isEqualTo("Dvořák");
        assertThat(isabela.lastName()).isEqualTo("O'Neill");
        assertThat(person("summit-outdoor-supply.csv", "olga.dąbrowski@summit.example")
                        .lastName())
                .isEqualTo("Dąbrowski");
    }

    @Test
    void readsDepartmentAndManagerWhereTheExportHasThem() {
        DirectoryPerson nour = person("harbor-point-marina.csv", "nour.brown@harbor.example");
        DirectoryPerson xavier = person("beacon-hill-bakery.csv", "xavier.wilson@beacon.example");

        assertThat(nour)
                .isEqualTo(new DirectoryPerson(
                        "nour.brown@harbor.example",
                        "Nour",
                        "Brown",
                        "Warehouse",
                        "thandiwe.sato@harbor.example",
                        false));
        assertThat(person("harbor-point-marina.csv", "thandiwe.sato@harbor.example")
                        .managerEmail())
                .isNull();
        assertThat(xavier)
                .isEqualTo(new DirectoryPerson(
                        "xavier.wilson@beacon.example", "Xavier", "Wilson", "Engineering", null, true));
    }

    @Test
    void byteOrderMarkDoesNotCorruptTheFirstHeader() {
        assertThat(DemoFiles.bytes("directory/cedar-ridge-law-llp.csv")).startsWith(0xEF, 0xBB, 0xBF);
        String entra = "\uFEFFuserPrincipalName,givenName,surname,accountEnabled,userType\n"
                + "ana.lopez@example.com,Ana,López,True,Member\n";

        DirectoryExport export = parse("entra.csv", entra);

        assertThat(DemoFiles.export("cedar-ridge-law-llp.csv").format()).isEqualTo(DirectoryFormat.M365_B);
        assertThat(export.format()).isEqualTo(DirectoryFormat.ENTRA_DOWNLOAD);
        assertThat(export.people()).extracting(DirectoryPerson::email).containsExactly("ana.lopez@example.com");
    }

    @Test
    void readsCrlfExportsWithoutCarriageReturnsInValues() {
        assertThat(new String(DemoFiles.bytes("directory/acme-industries.csv"))).contains("\r\n");
        String google = "First Name [Required],Last Name [Required],Email Address [Required],"
                + "New Status [UPLOAD ONLY],Department\r\nAna,López,ana.lopez@example.com,Suspended,Sales\r\n";

        DirectoryPerson ana = parse("google.csv", google).people().getFirst();

        assertThat(ana.department()).isEqualTo("Sales");
        assertThat(ana.suspended()).isTrue();
        assertThat(DemoFiles.export("acme-industries.csv").people())
                .allSatisfy(person -> assertThat(person.toString()).doesNotContain("\r"));
    }

    @Test
    void readsLfExports() {
        assertThat(new String(DemoFiles.bytes("directory/juniper-architecture.csv")))
                .doesNotContain("\r");

        assertThat(DemoFiles.export("juniper-architecture.csv").people())
                .hasSize(18)
                .allSatisfy(person -> assertThat(person.department()).isIn("Clinical", "Executive"));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String okta = """
                login,email,firstName,lastName,department,managerId
                a@example.com,a@example.com,"Ana, Jr.","O""Brien","Sales, EMEA",boss@example.com
                b@example.com,b@example.com,Ben,"Two
                Lines",,
                c@example.com,c@example.com,Cy,Doe,,
                """;

        DirectoryExport export = parse("okta.csv", okta);

        assertThat(export.people())
                .containsExactly(
                        new DirectoryPerson(
                                "a@example.com", "Ana, Jr.", "O\"Brien", "Sales, EMEA", "boss@example.com", false),
                        new DirectoryPerson("b@example.com", "Ben", "Two\nLines", null, null, false),
                        new DirectoryPerson("c@example.com", "Cy", "Doe", null, null, false));
    }

    @Test
    void mapsColumnsByNameWhateverTheirOrder() {
        String entra = """
                userType,accountEnabled,department,surname,givenName,userPrincipalName
                Member,False,Legal,López,Ana,ana.lopez@example.com
                """;

        assertThat(parse("entra.csv", entra).people())
                .containsExactly(new DirectoryPerson("ana.lopez@example.com", "Ana", "López", "Legal", null, true));
    }

    @Test
    void skipsSecondRowWithTheSameEmailInOtherLetterCase() {
        String okta = """
                login,email,firstName,lastName
                ana@example.com,Ana.Lopez@Example.com,Ana,López
                ana2@example.com,ana.lopez@example.com,Ana,Lopez
                """;

        DirectoryExport export = parse("okta.csv", okta);

        assertThat(export.people())
                .extracting(DirectoryPerson::email, DirectoryPerson::emailKey)
                .containsExactly(tuple("Ana.Lopez@Example.com", "ana.lopez@example.com"));
        assertThat(export.skipped())
                .containsExactly(new SkippedRow(3, "ana.lopez@example.com", "duplicate email, already on row 2"));
    }

    @Test
    void skipsRowsWithoutAUsableEmailAddress() {
        String okta = """
                login,email,firstName,lastName
                x,,No,Email
                y,not an email,Bad,Email
                z,  z@example.com  ,Zoë,
                """;

        DirectoryExport export = parse("okta.csv", okta);

        assertThat(export.skipped())
                .containsExactly(
                        new SkippedRow(2, null, "no email address"),
                        new SkippedRow(3, "not an email", "not a valid email address"));
        assertThat(export.people()).containsExactly(new DirectoryPerson("z@example.com", "Zoë", "", null, null, false));
    }

    @Test
    void skipsMicrosoft365GuestByItsExtMark() {
        String m365 = """
                User principal name,First name,Last name,Block credential,CountryOrRegion
                partner_other.example#ext#@tenant.onmicrosoft.com,Pat,Partner,False,US
                """;

        assertThat(parse("m365.csv", m365).skipped())
                .extracting(SkippedRow::reason)
                .containsExactly("guest account");
    }

    @Test
    void keepsAnEmptyListForAnExportWithOnlyAHeaderRow() {
        DirectoryExport export = parse("okta.csv", "login,email,firstName,lastName\n");

        assertThat(export.format()).isEqualTo(DirectoryFormat.OKTA);
        assertThat(export.people()).isEmpty();
        assertThat(export.skipped()).isEmpty();
    }

    @Test
    void refusesUnknownHeadersNamingTheFileAndTheMissingColumns() {
        String entraWithoutStatus = "userPrincipalName,givenName,surname,userType\nana@example.com,Ana,L,Member\n";

        assertThat(refusal("entra-export.csv", entraWithoutStatus))
                .hasMessage("entra-export.csv is not a user export Muster can read: for the Entra ID user download "
                        + "format it lacks the column(s) accountEnabled.")
                .extracting(DirectoryImportException::fileName)
                .isEqualTo("entra-export.csv");
    }

    @Test
    void refusesAnUnrelatedSpreadsheetListingWhatIsMissing() {
        assertThat(refusal("budget.csv", "Month,Amount\nJanuary,10\n").getMessage())
                .startsWith("budget.csv is not a user export Muster can read:")
                .contains("Email Address [Required]", "First Name [Required]", "Last Name [Required]");
    }

    @Test
    void namesTheMissingColumnsOfTheExpectedFormatWhenNothingMatches() {
        DirectoryImportException refusal = catchThrowableOfType(
                DirectoryImportException.class,
                () -> new DirectoryExportParser()
                        .parse("users.csv", DemoFiles.stream("Email\na@b.c\n"), DirectoryFormat.M365_B));

        assertThat(refusal)
                .hasMessage("users.csv is not a user export Muster can read: for the Microsoft 365 "
                        + "users export format it lacks the column(s) User principal name, First name, Last name, "
                        + "Block credential, CountryOrRegion.");
    }

    @Test
    void expectedFormatDoesNotOverrideABetterMatch() {
        DirectoryExport export = new DirectoryExportParser()
                .parse(
                        "bayside-dental-group.csv",
                        DemoFiles.open("directory/bayside-dental-group.csv"),
                        DirectoryFormat.GOOGLE_UPLOAD);

        assertThat(export.format()).isEqualTo(DirectoryFormat.GOOGLE_DOWNLOAD);
        assertThat(export.suspendedCount()).isEqualTo(4);
    }

    @Test
    void refusesAnEmptyFileClearly() {
        assertThat(refusal("empty.csv", "")).hasMessage("empty.csv is empty: it has no header row and no people.");
        assertThat(refusal("bom.csv", "\uFEFF")).hasMessageStartingWith("bom.csv is empty");
        assertThat(refusal("blank.csv", "\r\n\n")).hasMessageStartingWith("blank.csv is empty");
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        byte[] latin1 = "login,email,firstName,lastName\nz@x.io,z@x.io,Zo\u00eb,Dvo\u0159\u00e1k\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(catchThrowableOfType(
                        DirectoryImportException.class,
                        () -> new DirectoryExportParser().parse("latin.csv", new ByteArrayInputStream(latin1))))
                .hasMessageStartingWith("latin.csv is not UTF-8 text");
    }

    @Test
    void refusesBrokenQuotingClearly() {
        assertThat(refusal("broken.csv", "login,email,firstName,lastName\na,\"a@example.com,Ana,L\n"))
                .hasMessageStartingWith("broken.csv could not be read as CSV");
    }

    private static DirectoryExport parse(String fileName, String text) {
        return new DirectoryExportParser().parse(fileName, DemoFiles.stream(text));
    }

    private static DirectoryImportException refusal(String fileName, String text) {
        return catchThrowableOfType(DirectoryImportException.class, () -> parse(fileName, text));
    }

    private static List<String> suspendedEmails(String file) {
        return DemoFiles.export(file).people().stream()
                .filter(DirectoryPerson::suspended)
                .map(DirectoryPerson::email)
                .toList();
    }

    private static DirectoryPerson person(String file, String email) {
        return DemoFiles.export(file).people().stream()
                .filter(person -> person.email().equals(email))
                .findFirst()
                .orElseThrow();
    }

    private record PlainRule(
            String email,
            String firstName,
            String lastName,
            String suspendedColumn,
            String suspendedValue,
            String guestColumn) {

        boolean guest(PlainCsv csv, List<String> row) {
            return csv.value(row, email).contains("#EXT#")
                    || guestColumn != null && csv.value(row, guestColumn).equals("Guest");
        }

        boolean nameless(PlainCsv csv, List<String> row) {
            return csv.value(row, firstName).isEmpty()
                    && csv.value(row, lastName).isEmpty();
        }

        boolean suspended(PlainCsv csv, List<String> row) {
            return suspendedColumn != null && csv.value(row, suspendedColumn).equals(suspendedValue);
        }
    }

    private record PlainExpectation(List<String> imported, List<String> suspended, List<Tuple> skipped) {

        static PlainExpectation of(DemoClient client) {
            PlainRule rule = RULES.get(client.formatId());
            PlainCsv csv = DemoFiles.plain("directory/" + client.directoryFile());
            var expectation = new PlainExpectation(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < csv.rows().size(); i++) {
                expectation.add(rule, csv, csv.rows().get(i), i + 2);
            }
            return expectation;
        }

        private void add(PlainRule rule, PlainCsv csv, List<String> row, int rowNumber) {
            String email = csv.value(row, rule.email());
            if (rule.guest(csv, row)) {
                skipped.add(tuple(rowNumber, email, "guest account"));
            } else if (rule.nameless(csv, row)) {
                skipped.add(tuple(rowNumber, email, "shared mailbox without a first and last name"));
            } else {
                imported.add(email);
                addIf(rule.suspended(csv, row), email);
            }
        }

        private void addIf(boolean isSuspended, String email) {
            if (isSuspended) {
                suspended.add(email);
            }
        }
    }
}
