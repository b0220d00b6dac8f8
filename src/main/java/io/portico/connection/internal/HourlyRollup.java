package io.portico.connection.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.connection.ConnectionRollupProperties;
import io.portico.connection.persistence.HourRollupRepository;

/**
 * Keeps the overview's hourly rollup (V146) current, run by {@link DailyRollup} in the same task run:
 * rolls up each closed UTC hour of the last {@link #WINDOW_HOURS} hours that has no rollup yet, and again
 * by the daily rollup's rules (open sessions, sessions closed without a Stop or started by an Interim
 * within {@code settle}, late sessions above the id mark). Each hour is replaced in its own transaction.
 */
@Component
class HourlyRollup {

    /** Hours kept rolled up: today in any zone began at most 25 hours ago (a day that gains an hour), and yesterday before it. */
    static final int WINDOW_HOURS = 50;

    private static final Duration HOUR = Duration.ofHours(1);

    private final HourRollupRepository hours;
    private final ConnectionRollupProperties properties;
    private final TransactionTemplate transactions;

    HourlyRollup(HourRollupRepository hours, ConnectionRollupProperties properties, TransactionTemplate transactions) {
        this.hours = hours;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Rolls up the hours due at {@code now} given the starts of the sessions that arrived late; returns how many. */
    int run(Instant now, List<Instant> lateStarts) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        Instant first = current.minus(HOUR.multipliedBy(WINDOW_HOURS));
        Set<Instant> late = new HashSet<>();
        lateStarts.forEach(start -> late.add(start.truncatedTo(ChronoUnit.HOURS)));
        Map<Instant, HourRollupRepository.RolledHour> rolled = hours.rolledHours(first, current);
        int count = 0;
        for (Instant hour = first; hour.isBefore(current); hour = hour.plus(HOUR)) {
            HourRollupRepository.RolledHour done = rolled.get(hour);
            boolean due = done == null || late.contains(hour) || done.openSessions() > 0
                    || (done.reopenable() > 0 && now.isBefore(hour.plus(HOUR).plus(properties.settle())));
            if (due) {
                Instant h = hour;
                if (RollupTransaction.replace(transactions, "hour " + h, () -> hours.rollHour(h, now))) {
                    count++;
                }
            }
        }
        hours.prune(first);
        return count;
    }
}
