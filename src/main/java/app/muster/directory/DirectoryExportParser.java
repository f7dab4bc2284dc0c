package app.muster.directory;

import java.io.InputStream;

/**
 * Reads a client's user export (Microsoft 365, Entra ID, Google Workspace or Okta CSV) into the people to import,
 * recognising the format from the header row and mapping columns by name. An expected format, when the caller
 * knows one, only decides between equally good matches and names the missing columns when nothing matches. The
 * stream is read to its end and closed.
 */
public final class DirectoryExportParser {

    public DirectoryExport parse(String fileName, InputStream in) {
        return parse(fileName, in, null);
    }

    public DirectoryExport parse(String fileName, InputStream in, DirectoryFormat expected) {
        CsvTable table = CsvTable.read(fileName, in);
        ExportRows rows = new ExportRows(DirectoryFormat.detectIn(fileName, table.header(), expected));
        table.rows().forEach(rows::add);
        return rows.toExport(fileName);
    }
}
