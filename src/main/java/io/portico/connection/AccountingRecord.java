package io.portico.connection;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.portico.guest.MacAddress;

/**
 * One RADIUS accounting packet as the RADIUS module hands it to {@link AccountingWriter#record}:
 * already decoded, with the station MAC normalised. Counters are the packet's cumulative values, one
 * byte count per direction (the RADIUS codec has already added the gigawords).
 *
 * @param operatorId     the operator the sending NAS belongs to
 * @param nasIdentifier  NAS-Identifier, which names the hotspot
 * @param macAddress     the device (Calling-Station-Id, else a User-Name that is a MAC), or null
 *                       when the packet names none: then it is no guest connection, only its NAS's session
 * @param userAgent      the device's browser user agent when the portal saw one, else null
 * @param inputBytes     bytes the device sent (the report's {@code uploaded})
 * @param outputBytes    bytes the device received (the report's {@code downloaded})
 * @param sessionTime    Acct-Session-Time in seconds (0 on Start)
 * @param terminateCause Acct-Terminate-Cause (1..22) on Stop, else null
 * @param eventTime      Event-Timestamp, or the receive time when the NAS sent none
 * @param nas            the NAS side RADIUS needs later (Disconnect, Accounting-On/Off, stale
 *                       sweep); null when the packet did not come from a RADIUS client
 */
public record AccountingRecord(Type type, AccountingSessionId sessionId, long operatorId, String nasIdentifier,
                               @Nullable MacAddress macAddress, @Nullable String userAgent, long inputBytes, long outputBytes,
                               long sessionTime, @Nullable TerminateCause terminateCause, Instant eventTime, @Nullable NasSession nas) {

    /** Acct-Status-Type 1, 3 and 2. */
    public enum Type { START, INTERIM_UPDATE, STOP }

    public AccountingRecord {
        if (inputBytes < 0 || outputBytes < 0 || sessionTime < 0) {
            throw new IllegalArgumentException("accounting counters cannot be negative");
        }
        if (userAgent != null && (userAgent.isBlank() || userAgent.length() > 512)) {
            userAgent = userAgent.isBlank() ? null : userAgent.substring(0, 512);
        }
    }

    /** A packet without its NAS side (tests, imports). */
    public AccountingRecord(Type type, AccountingSessionId sessionId, long operatorId, String nasIdentifier, MacAddress macAddress,
                            @Nullable String userAgent, long inputBytes, long outputBytes, long sessionTime,
                            @Nullable TerminateCause terminateCause, Instant eventTime) {
        this(type, sessionId, operatorId, nasIdentifier, macAddress, userAgent, inputBytes, outputBytes, sessionTime,
                terminateCause, eventTime, null);
    }

    /** When the session started: the Start's event time, or the event time less the session time. */
    public Instant startedAt() {
        return type == Type.START ? eventTime : eventTime.minusSeconds(sessionTime);
    }
}
