package io.portico.guestapi.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The guest API's names for the domain's fields: the one place a module's field name becomes
 * the parameter named in a v2 error's {@code errors}. {@link GuestApiErrorFormat} applies it to
 * every error; names it does not list are the API's own parameters and pass unchanged.
 */
public final class GuestApiFieldNames {

    static final Map<String, String> WIRE = Map.of(
            "apiToken", "api_token",
            "macAddress", "macaddress",
            "from", "from",
            "to", "to");

    private GuestApiFieldNames() {
    }

    /** The guest API's name for a domain field; null for a name the domain does not use. */
    public static @Nullable String wireName(String domainName) {
        return WIRE.get(domainName);
    }
}
