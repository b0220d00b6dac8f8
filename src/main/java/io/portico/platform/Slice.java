package io.portico.platform;

import java.util.List;

/**
 * One page of a list read in SQL, and whether more rows follow it. Repositories fetch one row more
 * than the page holds ({@link #of}), so knowing that costs no count query. The dashboard's lists
 * (venues, subscribers, hotspots, guest and service plans) page with it.
 */
public record Slice<T>(List<T> rows, boolean more) {

    public Slice {
        rows = List.copyOf(rows);
    }

    /** The first {@code size} of {@code fetched} (read with {@code size + 1} as the limit); more when it had an extra row. */
    public static <T> Slice<T> of(List<T> fetched, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one row");
        }
        return fetched.size() > size ? new Slice<>(fetched.subList(0, size), true) : new Slice<>(fetched, false);
    }

    /**
     * What a person typed as a case-insensitive {@code like ? escape '\\'} prefix: lower-cased, LIKE's
     * wildcards escaped, {@code %} appended (an empty text matches everything).
     */
    public static String prefix(String typed) {
        return typed.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The offset of a zero-based page number, refusing pages no list can reach. */
    public static long offset(int page, int size) {
        if (page < 0 || size < 1) {
            throw PorticoException.invalid("page", "{page} must be 0 or more.");
        }
        return (long) page * size;
    }
}
