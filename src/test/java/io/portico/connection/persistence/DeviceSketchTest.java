package io.portico.connection.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The devices sketches the rollups store and the overview merges: exact until a stored sketch is merged,
 * then within the documented error (docs/dashboard.md), unchanged by repeated devices and repeated merges.
 */
class DeviceSketchTest {

    @Test
    void countsExactlyUntilAStoredSketchIsMerged() {
        DeviceSketch sketch = DeviceSketch.counting();
        for (int i = 0; i < 3_000; i++) {
            sketch.add(mac(i % 1_234));
        }
        assertThat(sketch.estimated()).isFalse();
        assertThat(sketch.devices()).isEqualTo(1_234);

        sketch.merge(DeviceSketch.forStorage().add(mac(5_000)).toBytes());
        assertThat(sketch.estimated()).isTrue();
    }

    @Test
    void estimatesThousandsOfDevicesWithinTheDocumentedErrorWhateverTheRepeatsAndMerges() {
        // 5,000 devices seen in 24 hours, each in three of them, stored hour by hour as the hourly rollup does.
        DeviceSketch[] hours = new DeviceSketch[24];
        for (int h = 0; h < hours.length; h++) {
            hours[h] = DeviceSketch.forStorage();
        }
        for (int i = 0; i < 15_000; i++) {
            hours[(i * 7 + i / 5_000) % 24].add(mac(i % 5_000));
        }
        DeviceSketch day = DeviceSketch.counting();
        for (DeviceSketch hour : hours) {
            day.merge(hour.toBytes());
        }
        long estimate = day.devices();
        assertThat((double) estimate).isBetween(5_000 * 0.925, 5_000 * 1.075);

        for (DeviceSketch hour : hours) {
            day.merge(hour.toBytes());
        }
        day.add(mac(42));
        assertThat(day.devices()).as("merging again and adding a device already seen change nothing").isEqualTo(estimate);
    }

    @Test
    void smallCountsAreNearlyExact() {
        for (int n : new int[] {1, 2, 5, 10, 25, 50, 100, 200, 300}) {
            DeviceSketch stored = DeviceSketch.forStorage();
            for (int i = 0; i < n; i++) {
                stored.add(mac(i * 31 + n));
            }
            long estimate = DeviceSketch.counting().merge(stored.toBytes()).devices();
            assertThat((double) estimate).as("%d devices", n).isBetween(Math.floor(n * 0.95), Math.ceil(n * 1.05));
        }
    }

    @Test
    void aFewDevicesStoreInAFewBytes() {
        assertThat(DeviceSketch.forStorage().add(mac(1)).add(mac(2)).toBytes()).hasSizeLessThan(64);
    }

    private static String mac(int i) {
        return String.format("02-00-00-%02X-%02X-%02X", (i >> 16) & 0xFF, (i >> 8) & 0xFF, i & 0xFF);
    }
}
