package io.portico.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Buckets rows into the days of a window in one grouped query: a SQL {@code case} giving the index
 * of the day a time falls in (days are the given start instants, local midnights that may be 23 or
 * 25 hours apart; the last instant ends the window). The caller filters the window itself, so the
 * column's index serves the range, and groups by the bucket.
 */
public final class DayBuckets {

    private DayBuckets() {
    }

    /** {@code case when col < ? then 0 when col < ? then 1 ... end}; adds the boundaries to {@code params}. */
    public static String bucket(String column, List<Instant> dayStarts, List<Object> params) {
        StringBuilder sql = new StringBuilder("case");
        for (int i = 1; i < dayStarts.size(); i++) {
            sql.append(" when ").append(column).append(" < ? then ").append(i - 1);
            params.add(dayStarts.get(i).atOffset(ZoneOffset.UTC));
        }
        return sql.append(" end").toString();
    }
}
