package io.portico.guestapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guest API limits ({@code portico.guestapi.*}).
 *
 * @param requestsPerMinute requests one API token may make per minute before 429
 */
@ConfigurationProperties("portico.guestapi")
public record GuestApiProperties(@DefaultValue("600") int requestsPerMinute) {

    public GuestApiProperties {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("portico.guestapi.requests-per-minute must be at least 1");
        }
    }
}
