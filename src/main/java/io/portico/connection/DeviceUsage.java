package io.portico.connection;

import java.time.Instant;
import java.util.Optional;

/**
 * What accounting knows of one device at one NAS since a moment: its last report, bytes both ways,
 * and whether one of its sessions is open now (not stopped and not stale).
 */
public record DeviceUsage(Optional<Instant> lastReport, long bytes, boolean open) {

    public DeviceUsage {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }
}
