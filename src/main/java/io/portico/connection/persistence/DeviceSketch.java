package io.portico.connection.persistence;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.jspecify.annotations.Nullable;

import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

/**
 * Distinct devices that can be merged across hours, days and hotspots: an UltraLogLog sketch
 * (hash4j, docs/decisions.md) of the MAC addresses as stored, written by the rollups and merged by
 * the overview. Until a stored sketch is merged in, the devices added one by one are also counted
 * exactly, so a figure read only from sessions stays exact.
 */
public final class DeviceSketch {

    /** 2^10 one-byte registers: a relative standard error of about 2.5 % (docs/dashboard.md). */
    public static final int PRECISION = 10;

    private static final Hasher64 HASHER = Hashing.komihash5_0();

    private final UltraLogLog sketch = UltraLogLog.create(PRECISION);
    private @Nullable Set<Long> exact;

    private DeviceSketch(boolean exact) {
        this.exact = exact ? new HashSet<>() : null;
    }

    /** A sketch that also counts exactly until a stored one is merged in: the overview's. */
    public static DeviceSketch counting() {
        return new DeviceSketch(true);
    }

    /** A sketch only, to be stored: the rollups'. */
    public static DeviceSketch forStorage() {
        return new DeviceSketch(false);
    }

    /** Adds a device by its MAC address as {@code connection_session} stores it. */
    public DeviceSketch add(String mac) {
        long hash = HASHER.hashCharsToLong(mac);
        sketch.add(hash);
        Set<Long> counted = exact;
        if (counted != null) {
            counted.add(hash);
        }
        return this;
    }

    /** Merges a sketch stored by {@link #toBytes()} (the figure becomes an estimate). */
    public DeviceSketch merge(byte[] stored) {
        sketch.add(UltraLogLog.wrap(inflate(stored)));
        exact = null;
        return this;
    }

    public DeviceSketch merge(DeviceSketch other) {
        sketch.add(other.sketch);
        Set<Long> counted = exact;
        Set<Long> theirs = other.exact;
        if (counted != null && theirs != null) {
            counted.addAll(theirs);
        } else {
            exact = null;
        }
        return this;
    }

    /** The distinct devices: exact while no stored sketch was merged, else the sketch's estimate. */
    public long devices() {
        Set<Long> counted = exact;
        return counted != null ? counted.size() : Math.round(sketch.getDistinctCountEstimate());
    }

    /** Whether {@link #devices()} is an estimate. */
    public boolean estimated() {
        return exact == null;
    }

    /** The registers, deflated (a sketch of a few devices is mostly zero registers). */
    public byte[] toBytes() {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(sketch.getState());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64);
            byte[] buffer = new byte[1 << PRECISION];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            byte[] state = new byte[1 << PRECISION];
            int length = 0;
            while (length < state.length && !inflater.finished()) {
                int n = inflater.inflate(state, length, state.length - length);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                length += n;
            }
            if (length != state.length) {
                throw new IllegalStateException("a stored device sketch has " + length + " registers, not " + state.length);
            }
            return state;
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored device sketch is not readable", e);
        } finally {
            inflater.end();
        }
    }
}
