package io.portico.radius;

import java.util.Optional;

import io.portico.guest.MacAddress;

/**
 * An Access-Request as the authorizers see it: which NAS (and so which hotspot or gateway) asks,
 * for which device, with which user name and password. Built by the authorisation chain.
 *
 * @param nas        the registered NAS client the request came from
 * @param nasIdentifier the NAS-Identifier the gateway sent ("" when none); tells hotspots behind one address apart
 * @param device     the device's MAC from Calling-Station-Id (or User-Name when that is a MAC)
 * @param username   User-Name as sent ("" when none): a MAC for MAC authentication, or a voucher code
 * @param credentials the decoded PAP password or CHAP response
 * @param handshake  the WPA 4-way handshake a Ruckus access point sent for dynamic PSK, if any
 */
public record AccessAttempt(NasClient nas, String nasIdentifier, MacAddress device, String username, Credentials credentials,
                            Optional<WpaHandshake> handshake) {

    /** An attempt without a handshake (every request but Ruckus dynamic PSK). */
    public AccessAttempt(NasClient nas, String nasIdentifier, MacAddress device, String username, Credentials credentials) {
        this(nas, nasIdentifier, device, username, credentials, Optional.empty());
    }

    /** The user name when it is not just the device's MAC: a voucher code or an account name. */
    public Optional<String> account() {
        return username.isBlank() || MacAddress.tryParse(username).filter(device::equals).isPresent()
                ? Optional.empty() : Optional.of(username);
    }
}
