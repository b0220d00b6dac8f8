package io.portico.radius.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.tinyradius.core.packet.request.RadiusRequest;

import io.portico.connection.TerminateCause;
import io.portico.radius.AccountingEvent;
import io.portico.guest.MacAddress;
import io.portico.radius.NasReset;
import io.portico.radius.SessionReport;

/**
 * Turns an Accounting-Request into an {@link AccountingEvent}: Start, Interim-Update and Stop into
 * a {@link SessionReport} (Gigawords added, times corrected by Acct-Delay-Time), Accounting-On/Off into a {@link NasReset}. Other status types are acknowledged and
 * not stored.
 */
final class AccountingStep {

    private static final long GIGAWORD = 1L << 32;

    private final Duration defaultInterim;
    private final Duration staleMargin;

    AccountingStep(Duration defaultInterim, Duration staleMargin) {
        this.defaultInterim = defaultInterim;
        this.staleMargin = staleMargin;
    }

    /** The event, or empty for status types Portico does not store; IllegalArgumentException when a session report lacks its session id. */
    Optional<AccountingEvent> event(VerifiedRequest verified) {
        RadiusRequest r = verified.request();
        long nasClientId = verified.nas().client().id();
        long status = RadiusCodec.integer(r, RadiusCodec.ACCT_STATUS_TYPE).orElse(0L);
        Instant reportedAt = verified.receivedAt().minusSeconds(RadiusCodec.integer(r, RadiusCodec.ACCT_DELAY_TIME).orElse(0L));
        SessionReport.Status kind;
        switch ((int) status) {
            case 1 -> kind = SessionReport.Status.START;
            case 2 -> kind = SessionReport.Status.STOP;
            case 3 -> kind = SessionReport.Status.INTERIM;
            case 7, 8 -> {
                return Optional.of(new NasReset(nasClientId, status == 7, reportedAt));
            }
            default -> {
                return Optional.empty();
            }
        }
        String sessionId = RadiusCodec.string(r, RadiusCodec.ACCT_SESSION_ID).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("Accounting-Request without Acct-Session-Id"));
        String nasIdentifier = RadiusCodec.string(r, RadiusCodec.NAS_IDENTIFIER).orElse("");
        String called = RadiusCodec.string(r, RadiusCodec.CALLED_STATION_ID).orElse("");
        String calling = RadiusCodec.string(r, RadiusCodec.CALLING_STATION_ID).orElse("");
        String username = RadiusCodec.string(r, RadiusCodec.USER_NAME).orElse("");
        Optional<MacAddress> device = MacAddress.tryParse(calling).or(() -> MacAddress.tryParse(username));
        Duration sessionTime = Duration.ofSeconds(RadiusCodec.integer(r, RadiusCodec.ACCT_SESSION_TIME).orElse(0L));
        long uploaded = RadiusCodec.integer(r, RadiusCodec.ACCT_INPUT_GIGAWORDS).orElse(0L) * GIGAWORD
                + RadiusCodec.integer(r, RadiusCodec.ACCT_INPUT_OCTETS).orElse(0L);
        long downloaded = RadiusCodec.integer(r, RadiusCodec.ACCT_OUTPUT_GIGAWORDS).orElse(0L) * GIGAWORD
                + RadiusCodec.integer(r, RadiusCodec.ACCT_OUTPUT_OCTETS).orElse(0L);
        Duration interim = RadiusCodec.integer(r, RadiusCodec.ACCT_INTERIM_INTERVAL).filter(s -> s > 0)
                .map(Duration::ofSeconds).orElse(defaultInterim);
        return Optional.of(new SessionReport(verified.nas().client(), truncate(nasIdentifier), verified.source().getAddress().getHostAddress(),
                kind, truncate(sessionId), device, truncate(calling), truncate(username), truncate(called), RadiusCodec.ipv4(r, RadiusCodec.FRAMED_IP_ADDRESS),
                uploaded, downloaded, sessionTime, reportedAt.minus(sessionTime), reportedAt,
                reportedAt.plus(interim.multipliedBy(2)).plus(staleMargin),
                kind == SessionReport.Status.STOP
                        ? RadiusCodec.integer(r, RadiusCodec.ACCT_TERMINATE_CAUSE).filter(code -> code <= Integer.MAX_VALUE).flatMap(code -> TerminateCause.of(code.intValue()))
                        : Optional.empty()));
    }

    private static String truncate(String s) {
        return s.length() > 253 ? s.substring(0, 253) : s;
    }
}
