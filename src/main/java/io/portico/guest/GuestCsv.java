package io.portico.guest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The guests' CSV file (RFC 4180, UTF-8, a header line): what the dashboard exports and accepts
 * back. A cell that a spreadsheet would run as a formula ({@code = + - @}, tab, CR) is written with
 * a leading apostrophe, and a cell starting with an apostrophe gets one more; reading removes
 * exactly one, so an export imports back unchanged.
 */
public final class GuestCsv {

    public static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("mac_address", "email", "first_name", "last_name", "display_name",
                "profile_url", "mobile_phone", "birthdate", "gender", "country", "region", "city", "address", "postal_code"));
        for (int i = 1; i <= GuestProfile.CUSTOM_FIELDS; i++) {
            header.add("custom" + i);
        }
        header.add("unsubscribed");
        HEADER = List.copyOf(header);
    }

    /** One valid line of an import. */
    public record Row(int line, MacAddress mac, GuestProfile profile, boolean unsubscribed) {
    }

    private GuestCsv() {
    }

    public static void writeHeader(Writer out) throws IOException {
        writeLine(out, HEADER);
    }

    public static void write(Writer out, Guest guest) throws IOException {
        GuestProfile p = guest.profile();
        List<@Nullable String> cells = new ArrayList<>(List.of(guest.macAddress().value()));
        cells.addAll(java.util.Arrays.asList(p.email(), p.firstName(), p.lastName(), p.displayName(), p.profileUrl(),
                p.mobilePhone(), p.birthdate() == null ? null : p.birthdate().toString(), p.gender(), p.country(), p.region(),
                p.city(), p.address(), p.postalCode()));
        for (int i = 0; i < GuestProfile.CUSTOM_FIELDS; i++) {
            cells.add(i < p.custom().size() ? p.custom().get(i) : null);
        }
        cells.add(Boolean.toString(guest.unsubscribed()));
        writeLine(out, cells);
    }

    private static void writeLine(Writer out, List<@Nullable String> cells) throws IOException {
        io.portico.platform.CsvLines.write(out, cells);
    }

    /**
     * Reads and validates a whole file: every line becomes a row or an error naming its line
     * number ({@code Line 7: ...}); the caller writes nothing unless {@code errors} is empty.
     */
    public static void read(Reader in, List<Row> rows, List<String> errors) {
        List<List<String>> records = parse(in);
        if (records.isEmpty() || !records.getFirst().equals(HEADER)) {
            errors.add("Line 1: the header must be " + String.join(",", HEADER) + ".");
            return;
        }
        for (int r = 1; r < records.size(); r++) {
            int line = r + 1;
            List<String> cells = records.get(r);
            if (cells.size() == 1 && cells.getFirst().isEmpty()) {
                continue;
            }
            if (cells.size() != HEADER.size()) {
                errors.add("Line " + line + ": expected " + HEADER.size() + " columns, found " + cells.size() + ".");
                continue;
            }
            try {
                MacAddress mac = MacAddress.tryParse(cells.get(0))
                        .orElseThrow(() -> new IllegalArgumentException("'" + cells.get(0) + "' is not a MAC address."));
                LocalDate birthdate = cells.get(7).isEmpty() ? null : LocalDate.parse(cells.get(7));
                List<@Nullable String> custom = new ArrayList<>();
                for (int i = 0; i < GuestProfile.CUSTOM_FIELDS; i++) {
                    custom.add(cells.get(14 + i));
                }
                GuestProfile profile = new GuestProfile(cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5),
                        cells.get(6), birthdate, cells.get(8), cells.get(9), cells.get(10), cells.get(11), cells.get(12),
                        cells.get(13), custom, null);
                String unsubscribed = cells.get(HEADER.size() - 1);
                if (!unsubscribed.equals("true") && !unsubscribed.equals("false")) {
                    throw new IllegalArgumentException("unsubscribed must be true or false, not '" + unsubscribed + "'.");
                }
                rows.add(new Row(line, mac, profile, Boolean.parseBoolean(unsubscribed)));
            } catch (DateTimeParseException e) {
                errors.add("Line " + line + ": birthdate '" + cells.get(7) + "' is not a date (YYYY-MM-DD).");
            } catch (RuntimeException e) {
                errors.add("Line " + line + ": " + e.getMessage());
            }
        }
    }

    /** RFC 4180 records; quoted cells may hold commas, quotes and line breaks. */
    private static List<List<String>> parse(Reader in) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        try {
            int c;
            while ((c = in.read()) != -1) {
                if (quoted) {
                    if (c == '"') {
                        int next = in.read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            if (next == -1) {
                                break;
                            }
                            c = next;
                            // fall through to the unquoted handling of the character after the closing quote
                            if (handle(c, cell, record, records, wasQuoted)) {
                                wasQuoted = false;
                            }
                        }
                    } else {
                        cell.append((char) c);
                    }
                    continue;
                }
                if (c == '"' && cell.isEmpty()) {
                    quoted = true;
                    wasQuoted = true;
                } else if (handle(c, cell, record, records, wasQuoted)) {
                    wasQuoted = false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!cell.isEmpty() || !record.isEmpty() || wasQuoted) {
            record.add(unescape(cell.toString(), wasQuoted));
            records.add(record);
        }
        return records;
    }

    /** Handles one unquoted character; true when a cell ended. */
    private static boolean handle(int c, StringBuilder cell, List<String> record, List<List<String>> records, boolean wasQuoted) {
        if (c == ',') {
            record.add(unescape(cell.toString(), wasQuoted));
            cell.setLength(0);
            return true;
        }
        if (c == '\n') {
            record.add(unescape(cell.toString(), wasQuoted));
            cell.setLength(0);
            records.add(new ArrayList<>(record));
            record.clear();
            return true;
        }
        if (c != '\r') {
            cell.append((char) c);
        }
        return false;
    }

    private static String unescape(String cell, boolean wasQuoted) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@\t\r'".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }
}
