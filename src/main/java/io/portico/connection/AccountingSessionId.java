package io.portico.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The unique key of one accounting session: a SHA-256 over the operator, NAS-Identifier,
 * Acct-Session-Id, Calling-Station-Id and Called-Station-Id (RFC 2866 only makes Acct-Session-Id
 * unique per NAS, and some gateways reuse it per station). Every packet of a session carries the
 * same five values, so Start, Interim-Update and Stop land on one row.
 */
public record AccountingSessionId(String value) {

    public AccountingSessionId {
        if (!lowerHex64(value)) {
            throw new IllegalArgumentException("an accounting session id is 64 lower-case hex digits");
        }
    }

    /** By hand, not a regex: the accounting listener builds one per packet. */
    private static boolean lowerHex64(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    public static AccountingSessionId of(long operatorId, String nasIdentifier, String acctSessionId,
                                         String callingStationId, String calledStationId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {Long.toString(operatorId), nasIdentifier, acctSessionId, callingStationId,
                    calledStationId}) {
                sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return new AccountingSessionId(HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
