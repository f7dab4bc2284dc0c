package app.muster.directory;

import java.util.List;
import java.util.Map;

final class CsvRow {

    private final int number;
    private final Map<String, Integer> columns;
    private final List<String> values;

    CsvRow(int number, Map<String, Integer> columns, List<String> values) {
        this.number = number;
        this.columns = columns;
        this.values = values;
    }

    int number() {
        return number;
    }

    String get(String column) {
        Integer index = column == null ? null : columns.get(CsvTable.key(column));
        return index == null || index >= values.size() ? "" : values.get(index).strip();
    }
}
