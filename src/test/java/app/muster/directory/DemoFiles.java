package app.muster.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

final class DemoFiles {

    private DemoFiles() {}

    static InputStream open(String path) {
        InputStream in = DemoFiles.class.getResourceAsStream("/demo/" + path);
        assertThat(in).as("demo file %s on the classpath", path).isNotNull();
        return in;
    }

    static byte[] bytes(String path) {
        try (InputStream in = open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DirectoryExport export(String directoryFile) {
        return new DirectoryExportParser().parse(directoryFile, open("directory/" + directoryFile));
    }

    static List<GroupMembership> memberships(String groupsFile) {
        return new GroupMembershipParser().parse(groupsFile, open("groups/" + groupsFile));
    }

    static PlainCsv plain(String path) {
        return PlainCsv.of(new String(bytes(path), StandardCharsets.UTF_8));
    }

    static List<DemoClient> clients() {
        PlainCsv clients = plain("clients.csv");
        return clients.rows().stream()
                .map(row -> new DemoClient(
                        clients.value(row, "client"),
                        clients.value(row, "directory_format"),
                        fileName(clients.value(row, "directory_file")),
                        fileName(clients.value(row, "groups_file"))))
                .toList();
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    record DemoClient(String name, String formatId, String directoryFile, String groupsFile) {

        @Override
        public String toString() {
            return directoryFile;
        }
    }

    // Split on line ends and commas only, which is enough for the demo files: they have no quoted fields.
    record PlainCsv(List<String> header, List<List<String>> rows) {

        static PlainCsv of(String text) {
            assertThat(text).as("demo files have no quoted fields").doesNotContain("\"");
            List<List<String>> lines = Arrays.stream(text.replace("\uFEFF", "").split("\r?\n"))
                    .filter(line -> !line.isEmpty())
                    .map(line -> List.of(line.split(",", -1)))
                    .toList();
            return new PlainCsv(lines.getFirst(), lines.subList(1, lines.size()));
        }

        String value(List<String> row, String column) {
            int index = header.indexOf(column);
            assertThat(index).as("column %s", column).isNotNegative();
            return row.get(index);
        }
    }
}
