package io.portico.connection;

import java.util.Optional;

/**
 * Acct-Terminate-Cause values 1..22 (RFC 2866 section 5.10, RFC 3580 section 3.25) with the
 * words the connections report shows ({@code reason_for_termination}).
 */
public enum TerminateCause {
    USER_REQUEST(1, "User Request"),
    LOST_CARRIER(2, "Lost Carrier"),
    LOST_SERVICE(3, "Lost Service"),
    IDLE_TIMEOUT(4, "Idle Timeout"),
    SESSION_TIMEOUT(5, "Session Timeout"),
    ADMIN_RESET(6, "Admin Reset"),
    ADMIN_REBOOT(7, "Admin Reboot"),
    PORT_ERROR(8, "Port Error"),
    NAS_ERROR(9, "NAS Error"),
    NAS_REQUEST(10, "NAS Request"),
    NAS_REBOOT(11, "NAS Reboot"),
    PORT_UNNEEDED(12, "Port Unneeded"),
    PORT_PREEMPTED(13, "Port Preempted"),
    PORT_SUSPENDED(14, "Port Suspended"),
    SERVICE_UNAVAILABLE(15, "Service Unavailable"),
    CALLBACK(16, "Callback"),
    USER_ERROR(17, "User Error"),
    HOST_REQUEST(18, "Host Request"),
    SUPPLICANT_RESTART(19, "Supplicant Restart"),
    REAUTHENTICATION_FAILURE(20, "Reauthentication Failure"),
    PORT_REINITIALIZED(21, "Port Reinitialized"),
    PORT_ADMINISTRATIVELY_DISABLED(22, "Port Administratively Disabled");

    private static final TerminateCause[] BY_CODE = values();

    private final int code;
    private final String words;

    TerminateCause(int code, String words) {
        this.code = code;
        this.words = words;
    }

    public int code() {
        return code;
    }

    public String words() {
        return words;
    }

    /** The cause for an attribute value; empty for values outside 1..22. */
    public static Optional<TerminateCause> of(int code) {
        return code >= 1 && code <= BY_CODE.length ? Optional.of(BY_CODE[code - 1]) : Optional.empty();
    }
}
