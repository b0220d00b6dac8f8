package io.portico.connection;

import java.time.Instant;
import java.util.List;

/**
 * Sessions of a window for the dashboard's overview, from the rollups and the sessions: one entry per local day
 * (starting at {@code dayStart}) and the five busiest hotspots of the whole window.
 */
public record ConnectionStats(List<Day> days, List<HotspotFigure> busiest) {

    public ConnectionStats {
        days = List.copyOf(days);
        busiest = List.copyOf(busiest);
    }

    /**
     * Sessions started that day, distinct devices among them, and their data. The devices are an
     * estimate ({@code devicesEstimated}, within the devices sketches' error) when the day was counted
     * from hourly sketches: today, or a day not rolled up yet.
     */
    public record Day(Instant dayStart, long sessions, long devices, long inputOctets, long outputOctets, boolean devicesEstimated) {
    }

    /** A busiest hotspot's window: its devices are an estimate when merged from the rollups' sketches. */
    public record HotspotFigure(long hotspotId, String name, long sessions, long devices, long octets, boolean devicesEstimated) {
    }

    public long sessions() {
        return days.stream().mapToLong(Day::sessions).sum();
    }

    public long octets() {
        return days.stream().mapToLong(d -> d.inputOctets() + d.outputOctets()).sum();
    }
}
