package io.portico.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests can move. It follows real time until a test fixes or advances it; call
 * {@link #reset()} afterwards (the shared application context keeps the same instance).
 */
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant base = fixed != null ? fixed : Instant.now();
        return base.plus(offset);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void fix(Instant instant) {
        fixed = instant;
        offset = Duration.ZERO;
    }

    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }
}
