package io.portico.radius;

/**
 * A rate limit in bits per second, as the device sees it: {@code up} is what it may send,
 * {@code down} what it may receive. Written to WISPr-Bandwidth-Max-Up/Down and Mikrotik-Rate-Limit.
 */
public record Speed(long upBitsPerSecond, long downBitsPerSecond) {

    public Speed {
        if (upBitsPerSecond <= 0 || downBitsPerSecond <= 0 || upBitsPerSecond > 0xFFFF_FFFFL || downBitsPerSecond > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("speeds must be between 1 bit/s and 2^32-1 bit/s");
        }
    }
}
