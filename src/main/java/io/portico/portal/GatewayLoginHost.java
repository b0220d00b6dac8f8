package io.portico.portal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a MikroTik hand-over's {@code link-login-only} may receive the guest's one-time
 * credential. The hand-over is unsigned, so anyone can forge one that points at their own
 * server: with the hotspot's configured login hosts, only those hosts (and ports: the scheme's
 * default when none is configured) are accepted; without one, only addresses a router's login
 * page can have and the public internet cannot: private (RFC 1918), CGNAT (100.64/10),
 * link-local and loopback IP literals, IPv6 unique-local and link-local ones, and {@code .local}
 * or single-label names (which only the LAN's resolver answers).
 */
final class GatewayLoginHost {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62})");
    private static final Pattern NUMBER = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");

    private GatewayLoginHost() {
    }

    /**
     * Refuses ({@link HandOverException}) a login URL that is not the gateway's own; {@code configured}
     * is the hotspot's login hosts, {@code host[:port]} each (see {@code PortalSettings#gatewayLoginHosts}).
     */
    static void check(URI login, List<String> configured) {
        String host = login.getHost().toLowerCase(Locale.ROOT);
        boolean ok = configured.isEmpty() ? local(host) : configured.stream().anyMatch(expected -> matches(login, host, expected));
        if (!ok) {
            throw new HandOverException("MikroTik's link-login-only names host " + host + ", which is not the router's");
        }
    }

    private static boolean matches(URI login, String host, String expected) {
        int colon = expected.lastIndexOf(':');
        boolean hasPort = colon > 0 && expected.indexOf(']') < colon;
        String expectedHost = hasPort ? expected.substring(0, colon) : expected;
        int port = login.getPort() >= 0 ? login.getPort() : "https".equalsIgnoreCase(login.getScheme()) ? 443 : 80;
        int expectedPort = hasPort ? Integer.parseInt(expected.substring(colon + 1))
                : "https".equalsIgnoreCase(login.getScheme()) ? 443 : 80;
        return host.equals(expectedHost) && port == expectedPort;
    }

    /** An address or name that only the guest's own network can serve. */
    static boolean local(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            return address(host.substring(1, host.length() - 1)).map(GatewayLoginHost::localAddress).orElse(false);
        }
        if (IPV4.matcher(host).matches()) {
            return address(host).map(GatewayLoginHost::localAddress).orElse(false);
        }
        if (host.endsWith(".local")) {
            return true;
        }
        // a single label, but not a number browsers would read as an IPv4 address (http://167772161/)
        return LABEL.matcher(host).matches() && !NUMBER.matcher(host).matches();
    }

    private static boolean localAddress(InetAddress address) {
        byte[] b = address.getAddress();
        boolean cgnat = b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xFE) == 0xFC;
        return address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isLoopbackAddress() || cgnat
                || uniqueLocal;
    }

    /** Parses an IP literal; never a DNS look-up (callers pass only dotted quads or IPv6 literals). */
    private static Optional<InetAddress> address(String literal) {
        if (!literal.contains(":") && !IPV4.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
