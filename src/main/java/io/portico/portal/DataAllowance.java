package io.portico.portal;

/**
 * A signed-in device's data: its plan's cap and what it used since the plan started, as the
 * status page and the RFC 8908 API ({@code bytes-remaining}) show them. Only for capped plans.
 */
record DataAllowance(long capBytes, long usedBytes) {

    DataAllowance {
        if (capBytes < 0 || usedBytes < 0) {
            throw new IllegalArgumentException("data amounts cannot be negative");
        }
    }

    long leftBytes() {
        return Math.max(0, capBytes - usedBytes);
    }
}
