package io.portico.platform;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;

/** Bucket4j's time from the injected {@link Clock}, so rate limits refill when a test moves time. */
public record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
