package app.muster.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DirectoryFormatTests {

    private static final List<String> GOOGLE_UPLOAD = List.of(
            "First Name [Required]",
            "Last Name [Required]",
            "Email Address [Required]",
            "Manager Email",
            "Department",
            "New Status [UPLOAD ONLY]");

    @ParameterizedTest
    @EnumSource(DirectoryFormat.class)
    void findsEachFormatByTheIdClientsCsvUses(DirectoryFormat format) {
        assertThat(DirectoryFormat.fromId(format.id())).isEqualTo(format);
    }

    @ParameterizedTest
    @EnumSource(DirectoryFormat.class)
    void recognisesEachFormatFromItsOwnRequiredColumns(DirectoryFormat format) {
        assertThat(DirectoryFormat.detect(format.requiredColumns())).contains(format);
    }

    @Test
    void refusesAnUnknownFormatId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DirectoryFormat.fromId("csv-export"))
                .withMessageContaining("csv-export");
    }

    @Test
    void tellsGoogleDownloadFromTheUploadTemplateItContains() {
        List<String> download = concat(GOOGLE_UPLOAD, "Status [READ ONLY]", "Last Sign In [READ ONLY]");

        assertThat(DirectoryFormat.detect(GOOGLE_UPLOAD)).contains(DirectoryFormat.GOOGLE_UPLOAD);
        assertThat(DirectoryFormat.detect(download)).contains(DirectoryFormat.GOOGLE_DOWNLOAD);
    }

    @Test
    void tellsTheTwoMicrosoft365ColumnOrdersApartByTheirCountryColumn() {
        List<String> m365 = List.of("Block credential", "First name", "Last name", "User principal name");

        assertThat(DirectoryFormat.detect(concat(m365, "Country/Region"))).contains(DirectoryFormat.M365_A);
        assertThat(DirectoryFormat.detect(concat(m365, "CountryOrRegion"))).contains(DirectoryFormat.M365_B);
    }

    @Test
    void letsTheExpectedFormatDecideBetweenEqualMatches() {
        List<String> both = List.of(
                "User principal name",
                "First name",
                "Last name",
                "Block credential",
                "Country/Region",
                "CountryOrRegion");

        assertThat(DirectoryFormat.detect(both, DirectoryFormat.M365_B)).contains(DirectoryFormat.M365_B);
        assertThat(DirectoryFormat.detect(both, DirectoryFormat.M365_A)).contains(DirectoryFormat.M365_A);
    }

    @Test
    void matchesHeaderNamesIgnoringLetterCaseAndSurroundingSpaces() {
        List<String> header = List.of(" USERPRINCIPALNAME ", "GivenName", "Surname", "AccountEnabled", "UserType");

        assertThat(DirectoryFormat.detect(header)).contains(DirectoryFormat.ENTRA_DOWNLOAD);
    }

    @Test
    void recognisesNothingInAnUnrelatedHeader() {
        assertThat(DirectoryFormat.detect(List.of("Month", "Amount"))).isEmpty();
        assertThat(DirectoryFormat.OKTA.missingColumns(List.of("login", "email")))
                .containsExactly("firstName", "lastName");
    }

    private static List<String> concat(List<String> columns, String... more) {
        return Stream.concat(columns.stream(), Arrays.stream(more)).toList();
    }
}
