package io.portico.payment.paypal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where PayPal's REST API lives ({@code portico.payment.paypal.*}). An operator whose PayPal
 * settings say sandbox (test mode) is served from {@code sandboxUrl}, otherwise from
 * {@code liveUrl}; tests point both at a loopback fake.
 */
@ConfigurationProperties("portico.payment.paypal")
public record PayPalProperties(@DefaultValue("https://api-m.sandbox.paypal.com") URI sandboxUrl,
                               @DefaultValue("https://api-m.paypal.com") URI liveUrl,
                               @DefaultValue("10s") Duration timeout) {

    public PayPalProperties {
        for (URI url : new URI[] {sandboxUrl, liveUrl}) {
            if (url.getScheme() == null || !url.getScheme().matches("https?") || url.getHost() == null) {
                throw new IllegalArgumentException("portico.payment.paypal URLs must be http(s) URLs, got " + url);
            }
        }
    }

    /** The API base URL for an account in sandbox (test) or live mode. */
    public URI baseUrl(boolean sandbox) {
        return sandbox ? sandboxUrl : liveUrl;
    }
}
