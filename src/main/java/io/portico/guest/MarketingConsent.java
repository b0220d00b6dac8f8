package io.portico.guest;

import java.time.Instant;

import io.portico.platform.PorticoException;

/**
 * A guest ticked the portal's marketing-consent box: when, and which version of the consent text
 * they saw (the operator's text changes; what was agreed to must stay provable).
 */
public record MarketingConsent(Instant givenAt, String textVersion) {

    public MarketingConsent {
        if (givenAt == null || textVersion == null || textVersion.isBlank() || textVersion.strip().length() > 100) {
            throw PorticoException.invalid("Marketing consent needs its time and text version (at most 100 characters).");
        }
        textVersion = textVersion.strip();
    }
}
