package io.portico.radius;

import java.util.Arrays;
import java.util.Optional;

/** Why a session ended (Acct-Terminate-Cause, RFC 2866 and RFC 3580), with the words reports show. */
public enum TerminationCause {
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

    private final int code;
    private final String words;

    TerminationCause(int code, String words) {
        this.code = code;
        this.words = words;
    }

    public int code() {
        return code;
    }

    public String words() {
        return words;
    }

    public static Optional<TerminationCause> ofCode(long code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
