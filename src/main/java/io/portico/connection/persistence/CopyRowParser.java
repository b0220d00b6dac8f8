package io.portico.connection.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.portico.connection.persistence.ConnectionRepository.SessionRow;

/**
 * Parses one line of PostgreSQL's {@code COPY ... TO STDOUT} text format (tab-separated,
 * {@code \N} for null, backslash escapes) of the report's select list into a {@link SessionRow}.
 * Timestamps must come as the session prints them with {@code TimeZone=UTC, DateStyle=ISO}:
 * {@code 2026-11-22 04:18:01.123456+00}.
 */
final class CopyRowParser {

    private static final int COLUMNS = 16;
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 10, SignStyle.NORMAL)
            .appendPattern("-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendPattern("X")
            .toFormatter();

    private final int[] starts = new int[COLUMNS];
    private final int[] ends = new int[COLUMNS];
    private byte[] line = new byte[0];

    SessionRow parse(byte[] row) {
        line = row;
        int length = row.length;
        if (length > 0 && row[length - 1] == '\n') {
            length--;
        }
        int column = 0;
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (row[i] == '\t') {
                if (column == COLUMNS - 1) {
                    throw new IllegalStateException("COPY row has more than " + COLUMNS + " columns");
                }
                starts[column] = start;
                ends[column++] = i;
                start = i + 1;
            }
        }
        if (column != COLUMNS - 1) {
            throw new IllegalStateException("COPY row has " + (column + 1) + " columns, expected " + COLUMNS);
        }
        starts[column] = start;
        ends[column] = length;
        Integer cause = isNull(8) ? null : (int) number(8);
        String token = string(10);
        return new SessionRow(number(0), required(1), required(2), timestamp(3), timestamp(4), number(5), number(6),
                number(7), cause, string(9), token == null ? null : UUID.fromString(token), string(11), string(12),
                string(13), string(14), string(15));
    }

    private boolean isNull(int column) {
        return ends[column] - starts[column] == 2 && line[starts[column]] == '\\' && line[starts[column] + 1] == 'N';
    }

    private long number(int column) {
        int i = starts[column];
        int end = ends[column];
        boolean negative = line[i] == '-';
        if (negative) {
            i++;
        }
        if (i >= end) {
            throw new IllegalStateException("Not a number in COPY column " + (column + 1));
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalStateException("Not a number in COPY column " + (column + 1));
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private String required(int column) {
        String value = string(column);
        if (value == null) {
            throw new IllegalStateException("Null in COPY column " + (column + 1));
        }
        return value;
    }

    private @Nullable String string(int column) {
        if (isNull(column)) {
            return null;
        }
        int start = starts[column];
        int end = ends[column];
        for (int i = start; i < end; i++) {
            if (line[i] == '\\') {
                return unescape(start, end);
            }
        }
        return new String(line, start, end - start, StandardCharsets.UTF_8);
    }

    private String unescape(int start, int end) {
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte b = line[i];
            if (b != '\\' || i + 1 == end) {
                out[n++] = b;
                continue;
            }
            byte c = line[++i];
            switch (c) {
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'v' -> out[n++] = 0x0B;
                case 'x' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < end && Character.digit(line[i + 1], 16) >= 0) {
                        value = value * 16 + Character.digit(line[++i], 16);
                        digits++;
                    }
                    out[n++] = digits == 0 ? (byte) 'x' : (byte) value;
                }
                default -> {
                    if (c >= '0' && c <= '7') {
                        int value = c - '0';
                        for (int digits = 1; digits < 3 && i + 1 < end && line[i + 1] >= '0' && line[i + 1] <= '7'; digits++) {
                            value = value * 8 + (line[++i] - '0');
                        }
                        out[n++] = (byte) value;
                    } else {
                        out[n++] = c;
                    }
                }
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** {@code yyyy-mm-dd hh:mm:ss[.f{1,6}]+00}, by hand; anything else through a formatter. */
    private Instant timestamp(int column) {
        int s = starts[column];
        int end = ends[column];
        byte[] l = line;
        if (end - s >= 22 && l[s + 4] == '-' && l[s + 7] == '-' && l[s + 10] == ' ' && l[s + 13] == ':' && l[s + 16] == ':'
                && l[end - 3] == '+' && l[end - 2] == '0' && l[end - 1] == '0') {
            int year = digits(s, 4);
            int month = digits(s + 5, 2);
            int day = digits(s + 8, 2);
            int hour = digits(s + 11, 2);
            int minute = digits(s + 14, 2);
            int second = digits(s + 17, 2);
            int nanos = 0;
            int i = s + 19;
            int fractionEnd = end - 3;
            boolean ok = year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                    && minute >= 0 && minute < 60 && second >= 0 && second < 60;
            if (ok && i < fractionEnd) {
                ok = l[i] == '.' && fractionEnd - i - 1 >= 1 && fractionEnd - i - 1 <= 9;
                int scale = 100_000_000;
                for (i++; ok && i < fractionEnd; i++) {
                    int digit = l[i] - '0';
                    ok = digit >= 0 && digit <= 9;
                    nanos += digit * scale;
                    scale /= 10;
                }
            }
            if (ok) {
                long days = daysFromCivil(year, month, day);
                return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second, nanos);
            }
        }
        String text = new String(l, s, end - s, StandardCharsets.US_ASCII);
        return OffsetDateTime.parse(text, TIMESTAMP).toInstant();
    }

    private int digits(int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1_000_000;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
