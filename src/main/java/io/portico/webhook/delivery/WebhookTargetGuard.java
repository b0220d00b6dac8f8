package io.portico.webhook.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Refuses webhook targets that point into the operator's or Portico's own network (loopback,
 * private, link-local, carrier-grade NAT, unique-local IPv6, multicast, unspecified), so a
 * console user cannot make Portico call internal services. An operator setting can allow them.
 */
public final class WebhookTargetGuard {

    private WebhookTargetGuard() {
    }

    /** Why the URL may not be called, or null when it may. */
    public static @Nullable String refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return "WebhookURL is not a valid URL.";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "WebhookURL must be an http or https URL.";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "WebhookURL has no host.";
        }
        if (uri.getUserInfo() != null) {
            return "WebhookURL must not carry credentials.";
        }
        if (allowPrivate) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "WebhookURL host " + uri.getHost() + " does not resolve.";
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return "WebhookURL host " + uri.getHost() + " resolves to an internal address (" + address.getHostAddress()
                        + "); private, loopback and link-local targets are refused unless the operator allows them.";
            }
        }
        return null;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
