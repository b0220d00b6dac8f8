package io.portico.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes CSV lines (RFC 4180, CRLF). A cell a spreadsheet would run as a formula ({@code = + - @},
 * tab, CR, or a leading apostrophe) gets a leading apostrophe; a null cell is empty.
 */
public final class CsvLines {

    private CsvLines() {
    }

    public static void write(Writer out, List<@Nullable String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (!cell.isEmpty() && "=+-@\t\r'".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = '"' + cell.replace("\"", "\"\"") + '"';
            }
            out.write(cell);
        }
        out.write("\r\n");
    }
}
