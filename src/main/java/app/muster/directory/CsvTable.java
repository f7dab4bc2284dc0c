package app.muster.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

final class CsvTable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final List<String> header;
    private final List<CsvRow> rows;

    private CsvTable(List<String> header, List<CsvRow> rows) {
        this.header = header;
        this.rows = rows;
    }

    static CsvTable read(String fileName, InputStream in) {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(utf8WithoutByteOrderMark(in))) {
            return fromRecords(fileName, parser.iterator());
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(fileName, e);
        }
    }

    static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    List<String> header() {
        return header;
    }

    List<CsvRow> rows() {
        return rows;
    }

    static List<String> missing(Collection<String> header, List<String> required) {
        List<String> present = header.stream().map(CsvTable::key).toList();
        return required.stream()
                .filter(column -> !present.contains(key(column)))
                .toList();
    }

    private static CsvTable fromRecords(String fileName, Iterator<CSVRecord> records) {
        if (!records.hasNext()) {
            throw new DirectoryImportException(fileName, "is empty: it has no header row and no people.");
        }
        List<String> header = records.next().toList();
        Map<String, Integer> columns = columnIndexes(header);
        List<CsvRow> rows = new ArrayList<>();
        records.forEachRemaining(record -> rows.add(row(record, columns)));
        return new CsvTable(header, List.copyOf(rows));
    }

    private static CsvRow row(CSVRecord record, Map<String, Integer> columns) {
        return new CsvRow(Math.toIntExact(record.getRecordNumber()), columns, record.toList());
    }

    private static Map<String, Integer> columnIndexes(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(key(header.get(i)), i);
        }
        return columns;
    }

    private static Reader utf8WithoutByteOrderMark(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var reader = new PushbackReader(new BufferedReader(new InputStreamReader(in, decoder)), 1);
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }

    private static DirectoryImportException unreadable(String fileName, Exception e) {
        if (causedByEncoding(e)) {
            return new DirectoryImportException(fileName, "is not UTF-8 text: save it as \"CSV UTF-8\" and try again.");
        }
        return new DirectoryImportException(fileName, "could not be read as CSV: " + e.getMessage());
    }

    private static boolean causedByEncoding(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }
}
