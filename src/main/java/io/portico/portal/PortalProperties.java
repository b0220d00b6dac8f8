package io.portico.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Portal limits ({@code portico.portal.*}).
 *
 * @param formsPerMinute portal forms (sign-in, unsubscribe) one address may send per minute. Many
 *                       phones may share the address a gateway's NAT gives them, so the default is
 *                       generous; voucher guesses have their own, tighter limit in the guest module.
 */
@ConfigurationProperties("portico.portal")
public record PortalProperties(@DefaultValue("300") int formsPerMinute) {

    public PortalProperties {
        if (formsPerMinute < 1) {
            throw new IllegalArgumentException("portico.portal.forms-per-minute must be at least 1");
        }
    }
}
