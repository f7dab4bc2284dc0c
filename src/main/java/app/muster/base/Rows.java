package app.muster.base;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads values out of result rows the same way on H2 and PostgreSQL. */
public final class Rows {

    private Rows() {}

    public static long count(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }

    public static int integer(Readable row, String column) {
        return (int) count(row, column);
    }

    public static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
