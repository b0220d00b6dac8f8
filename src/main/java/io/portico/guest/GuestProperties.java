package io.portico.guest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guest module settings ({@code portico.guest.*}).
 *
 * @param planCacheTtl how long guest plans and session profiles read by id (for every accepted
 *                     Access-Request) are served from memory. Neither can be changed once
 *                     created, so this only bounds memory and hand edits of the database. Zero
 *                     turns the cache off.
 */
@ConfigurationProperties("portico.guest")
public record GuestProperties(@DefaultValue("5s") Duration planCacheTtl) {

    public GuestProperties {
        if (planCacheTtl.isNegative()) {
            throw new IllegalArgumentException("portico.guest.plan-cache-ttl must not be negative");
        }
    }
}
