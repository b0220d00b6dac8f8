package io.portico.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A slice of the operator log: entries in [from, to], newest first, at most {@code limit}.
 *
 * @param total how many entries the window holds (the console's log_count)
 */
public record LogWindow(Instant from, Instant to, long total, List<LogEntry> entries) {

    /** The console's default: 15 days up to now. */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(15);
    /** The most entries one call returns. */
    public static final int MAX_RETURNED = 1000;

    public LogWindow {
        entries = List.copyOf(entries);
    }
}
