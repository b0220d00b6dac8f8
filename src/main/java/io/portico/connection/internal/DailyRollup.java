package io.portico.connection.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.connection.ConnectionRollupProperties;
import io.portico.connection.persistence.RollupRepository;

/**
 * Keeps the overview's daily rollup (V129) current, called by the connection-rollup task, never by
 * the accounting writer: for every zone the overview can use, rolls up each closed local day of the
 * last {@link #WINDOW_DAYS} days that has no rollup yet; again on every run while it holds open sessions
 * (their data grows until the Stop), and while sessions closed without a Stop may reopen (for
 * {@code settle} after the day); and again when a session starting in it arrives late (an id above the mark). Each day is replaced in its own transaction, so the overview sees it whole,
 * and a run meeting another one replacing the same day leaves it to that one ({@link RollupTransaction}).
 * The same run keeps the recent UTC hours rolled up ({@link HourlyRollup}) by the same rules.
 */
@Component
public class DailyRollup {

    /** Closed days kept rolled up: the overview's 30 days without today, and one more for zones ahead of the task's. */
    public static final int WINDOW_DAYS = 31;

    /** New sessions read one by one to find their days; above this (a bulk import), every day between the first and last start counts. */
    static final int LATE_ROWS_READ = 10_000;

    private static final Logger log = LoggerFactory.getLogger(DailyRollup.class);

    private final RollupRepository rollups;
    private final HourlyRollup hours;
    private final ConnectionRollupProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DailyRollup(RollupRepository rollups, HourlyRollup hours, ConnectionRollupProperties properties, TransactionTemplate transactions,
                Clock clock) {
        this.rollups = rollups;
        this.hours = hours;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One run, the days then the recent hours ({@link HourlyRollup}): returns how many days and hours it rolled up. */
    public int run() {
        Instant now = clock.instant();
        long max = rollups.maxSessionId();
        List<Instant> lateStarts = rollups.mark().map(mark -> {
            long margin = Math.min(properties.idMargin(), mark.lastSessionId());
            long lower = mark.lastSessionId();
            if (rollups.countBetweenIds(lower - margin, lower) != mark.marginRows()) {
                lower -= margin; // a session committed under the mark after the last run looked
            }
            if (rollups.countBetweenIds(lower, max) <= LATE_ROWS_READ) {
                return rollups.startsBetweenIds(lower, max);
            }
            return rollups.startRangeBetweenIds(lower, max).map(range -> {
                // Within the rolled-up window only; an hour apart touches every local day of any zone in between.
                Instant from = max(range[0], now.minus(Duration.ofDays(WINDOW_DAYS + 2)));
                Instant to = range[1].isAfter(now) ? now : range[1];
                List<Instant> hours = new ArrayList<>();
                for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofHours(1))) {
                    hours.add(t);
                }
                hours.add(max(to, from));
                return hours;
            }).orElse(List.of());
        }).orElse(List.of());
        int rolled = 0;
        for (ZoneId zone : zones()) {
            rolled += roll(zone, now, lateStarts);
        }
        rolled += hours.run(now, lateStarts);
        long margin = Math.min(properties.idMargin(), max);
        rollups.setMark(new RollupRepository.Mark(max, rollups.countBetweenIds(max - margin, max)));
        rollups.prune(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(WINDOW_DAYS + 2));
        return rolled;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The key a zone's days are stored under: the normalised id, so {@code UTC}, {@code Etc/UTC} and {@code Z} are one. */
    public static String key(ZoneId zone) {
        return zone.normalized().getId();
    }

    private Set<ZoneId> zones() {
        Set<ZoneId> zones = new LinkedHashSet<>();
        for (String id : rollups.zones()) {
            try {
                zones.add(ZoneId.of(id).normalized());
            } catch (DateTimeException e) {
                log.warn("Venue time zone {} is not known; its days are counted from the sessions", id);
            }
        }
        return zones;
    }

    private int roll(ZoneId zone, Instant now, List<Instant> lateStarts) {
        String key = key(zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(WINDOW_DAYS);
        Set<LocalDate> late = new LinkedHashSet<>();
        lateStarts.forEach(start -> late.add(LocalDate.ofInstant(start, zone)));
        Map<LocalDate, RollupRepository.RolledDay> rolled = rollups.rolledDays(key, first, today.minusDays(1));
        int count = 0;
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(zone).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            RollupRepository.RolledDay done = rolled.get(day);
            boolean due = done == null || late.contains(day) || done.openSessions() > 0
                    || (done.reopenable() > 0 && now.isBefore(end.plus(properties.settle())));
            if (due) {
                LocalDate d = day;
                if (RollupTransaction.replace(transactions, key + " " + d, () -> rollups.rollDay(key, d, start, end, now))) {
                    count++;
                }
            }
        }
        return count;
    }
}
