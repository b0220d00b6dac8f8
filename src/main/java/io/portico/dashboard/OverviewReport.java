package io.portico.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.portico.connection.ConnectionInsights;
import io.portico.connection.ConnectionStats;
import io.portico.gateway.GatewayInsights;
import io.portico.guest.GuestDirectory;
import io.portico.platform.Actor;
import io.portico.subscription.SubscriptionFigures;
import io.portico.subscription.SubscriptionInsights;
import io.portico.venue.Venue;

/**
 * Gathers the overview's figures from the modules that own them (connection: sessions, devices,
 * data, busiest hotspots; guest: new guests and plan sign-ins; subscription and gateway: the MDU
 * figures), for the last 30 local days of the page's time zone. Every count is made in its module (SQL, and the
 * connection module's device sketches, whose estimates the figures mark).
 */
@Component
public class OverviewReport {

    static final int DAYS = 30;
    static final Duration MDU_HORIZON = Duration.ofDays(7);

    private final ConnectionInsights connections;
    private final GuestDirectory guests;
    private final SubscriptionInsights subscriptions;
    private final GatewayInsights gateways;
    private final java.time.Clock clock;

    OverviewReport(ConnectionInsights connections, GuestDirectory guests, SubscriptionInsights subscriptions, GatewayInsights gateways,
                   java.time.Clock clock) {
        this.connections = connections;
        this.guests = guests;
        this.subscriptions = subscriptions;
        this.gateways = gateways;
        this.clock = clock;
    }

    /**
     * One local day's figures. Returning guests are the devices seen that day that were not new that day: an
     * estimate ({@code returningEstimated}) when the day's devices come from the hourly sketches (today).
     */
    public record Day(LocalDate date, Instant start, long newGuests, long returningGuests, long signIns, long sessions, long octets,
                      boolean returningEstimated) {
    }

    public record Overview(ZoneId zone, List<Day> days, List<ConnectionStats.HotspotFigure> busiest, SubscriptionFigures subscriptions,
                    long pendingVlanChanges, long failedGatewayChanges) {

        public Day today() {
            return days.getLast();
        }

        public long total(java.util.function.ToLongFunction<Day> figure) {
            return days.stream().mapToLong(figure).sum();
        }
    }

    Overview build(Actor actor, Optional<Long> clientId, Optional<Venue> venue, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<Instant> starts = new ArrayList<>();
        for (int i = DAYS - 1; i >= -1; i--) {
            starts.add(today.minusDays(i).atStartOfDay(zone).toInstant());
        }
        Optional<Long> guestClient = venue.map(Venue::clientId).or(() -> clientId);
        ConnectionStats stats = connections.stats(actor, clientId, venue.map(Venue::id), zone, starts);
        List<long[]> guestDays = guests.daily(actor, guestClient, starts);
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            ConnectionStats.Day d = stats.days().get(i);
            long created = guestDays.get(i)[0];
            days.add(new Day(today.minusDays(DAYS - 1 - i), starts.get(i), created, Math.max(0, d.devices() - created),
                    guestDays.get(i)[1], d.sessions(), d.inputOctets() + d.outputOctets(), d.devicesEstimated()));
        }
        Optional<Long> venueId = venue.map(Venue::id);
        return new Overview(zone, days, stats.busiest(), subscriptions.figures(actor, venueId, MDU_HORIZON),
                subscriptions.pendingVlanChanges(actor), gateways.failedChanges(actor, venueId));
    }
}
