package io.portico.guest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Captive portal sign-in settings ({@code portico.guest.portal.*}).
 *
 * @param credentialTtl             how long a one-time RADIUS credential the portal issued is valid
 *                                  (the gateway uses it within seconds of the sign-in)
 * @param voucherAttemptsPerDevice  voucher attempts one device may make per {@code voucherAttemptWindow}
 * @param voucherAttemptsPerAddress voucher attempts one remote address may make per window (many
 *                                  phones can share a gateway's NAT address, so larger)
 * @param voucherAttemptWindow      the window both voucher limits refill over
 */
@ConfigurationProperties("portico.guest.portal")
public record GuestPortalProperties(@DefaultValue("5m") Duration credentialTtl,
                                    @DefaultValue("5") int voucherAttemptsPerDevice,
                                    @DefaultValue("30") int voucherAttemptsPerAddress,
                                    @DefaultValue("10m") Duration voucherAttemptWindow) {

    public GuestPortalProperties {
        if (!credentialTtl.isPositive() || !voucherAttemptWindow.isPositive()
                || voucherAttemptsPerDevice < 1 || voucherAttemptsPerAddress < 1) {
            throw new IllegalArgumentException("portico.guest.portal: durations and attempt limits must be positive");
        }
    }
}
