package io.portico.connection.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.portico.connection.ConnectionRecord;
import io.portico.connection.TerminateCause;
import io.portico.connection.persistence.ConnectionRepository.SessionRow;
import io.portico.guest.MacAddress;

/**
 * Merges adjacent sessions of one device at one hotspot, separated by at most the roaming gap, into
 * one record for the connections report ({@link io.portico.connection.ConnectionReader#report}). Rows
 * must come ordered by hotspot, device and start; it holds at most one pending record.
 */
public final class SessionMerger {

    private final Duration gap;
    private final DeviceClassifier devices;
    private final Consumer<ConnectionRecord> sink;
    private @Nullable SessionRow first;
    private Instant end = Instant.EPOCH;
    private long seconds;
    private long uploaded;
    private long downloaded;
    private @Nullable Integer cause;
    private @Nullable String userAgent;

    public SessionMerger(Duration gap, DeviceClassifier devices, Consumer<ConnectionRecord> sink) {
        this.gap = gap;
        this.devices = devices;
        this.sink = sink;
    }

    public void accept(SessionRow row) {
        if (first != null && first.hotspotId() == row.hotspotId() && first.macAddress().equals(row.macAddress())
                && !row.startedAt().isAfter(end.plus(gap))) {
            seconds += row.sessionSeconds();
            uploaded += row.inputOctets();
            downloaded += row.outputOctets();
            if (row.endedAt().isAfter(end)) {
                end = row.endedAt();
                cause = row.terminateCause();
            }
            if (userAgent == null) {
                userAgent = row.userAgent();
            }
            return;
        }
        finish();
        first = row;
        end = row.endedAt();
        seconds = row.sessionSeconds();
        uploaded = row.inputOctets();
        downloaded = row.outputOctets();
        cause = row.terminateCause();
        userAgent = row.userAgent();
    }

    /** Hands the pending record, if any, to the sink. */
    public void finish() {
        SessionRow f = first;
        if (f == null) {
            return;
        }
        first = null;
        String ua = userAgent;
        sink.accept(new ConnectionRecord(f.startedAt(), f.hotspotId(), f.hotspotName(), new MacAddress(f.macAddress()),
                f.guestToken(), f.email(), f.phone(), f.firstName(), f.lastName(), f.displayName(),
                Duration.ofSeconds(seconds), uploaded, downloaded,
                cause == null ? null : TerminateCause.of(cause).orElse(null), ua,
                ua == null ? null : devices.device(ua).orElse(null)));
    }
}
