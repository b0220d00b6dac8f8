package io.portico.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.portico.connection.persistence.DeviceSketch;

/**
 * Compares the overview's figures with those counted from the sessions alone: sessions and data
 * exactly; distinct devices exactly unless marked estimated, then within three standard errors of
 * the device sketches (docs/dashboard.md), and never off by more than that even for a handful.
 */
final class StatsAssert {

    /** Three relative standard errors of {@link DeviceSketch#PRECISION} 10 (about 2.5 % each). */
    static final double ERROR = 0.075;

    private StatsAssert() {
    }

    static void assertMatches(ConnectionStats actual, ConnectionStats exact, String what) {
        assertThat(actual.days()).as(what + ": days").hasSameSizeAs(exact.days());
        for (int i = 0; i < exact.days().size(); i++) {
            ConnectionStats.Day a = actual.days().get(i);
            ConnectionStats.Day e = exact.days().get(i);
            String day = what + ", day " + a.dayStart();
            assertThat(new long[] {a.sessions(), a.inputOctets(), a.outputOctets()}).as(day + ": sessions and data")
                    .containsExactly(e.sessions(), e.inputOctets(), e.outputOctets());
            assertDevices(a.devices(), a.devicesEstimated(), e.devices(), day);
        }
        assertThat(actual.busiest()).as(what + ": busiest").hasSameSizeAs(exact.busiest());
        for (int i = 0; i < exact.busiest().size(); i++) {
            ConnectionStats.HotspotFigure a = actual.busiest().get(i);
            ConnectionStats.HotspotFigure e = exact.busiest().get(i);
            assertThat(a).as(what + ": busiest hotspot " + i).usingRecursiveComparison().ignoringFields("devices", "devicesEstimated").isEqualTo(e);
            assertDevices(a.devices(), a.devicesEstimated(), e.devices(), what + ", hotspot " + a.name());
        }
    }

    static void assertDevices(long actual, boolean estimated, long exact, String what) {
        if (estimated) {
            assertThat((double) actual).as(what + ": estimated devices").isBetween(Math.floor(exact * (1 - ERROR)), Math.ceil(exact * (1 + ERROR)));
        } else {
            assertThat(actual).as(what + ": devices").isEqualTo(exact);
        }
    }
}
