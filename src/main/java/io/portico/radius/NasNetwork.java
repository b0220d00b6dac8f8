package io.portico.radius;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The source address, or network in CIDR notation, a NAS client sends from: {@code 203.0.113.7},
 * {@code 10.20.0.0/16}, {@code 2001:db8::/32}. Only literal addresses, never host names.
 */
public record NasNetwork(InetAddress address, int prefixLength) {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    public NasNetwork {
        int max = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length must be 0.." + max);
        }
        address = mask(address, prefixLength);
    }

    /** Parses {@code address} or {@code address/prefix}; IllegalArgumentException when it is neither. */
    public static NasNetwork parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a NAS address or network is required");
        }
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException("not an IP address or CIDR network: " + text);
        }
        try {
            InetAddress address = InetAddress.getByName(parts[0]);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.getAddress().length * 8;
            return new NasNetwork(address, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address or CIDR network: " + text, e);
        }
    }

    /** Compared byte by byte under the prefix: every request's source is checked, so no masked copy is made. */
    public boolean contains(InetAddress candidate) {
        byte[] a = address.getAddress();
        byte[] c = candidate.getAddress();
        if (a.length != c.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            int bits = Math.max(0, Math.min(8, prefixLength - i * 8));
            int mask = (0xFF << (8 - bits)) & 0xFF;
            if ((a[i] & mask) != (c[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    public boolean isSingleHost() {
        return prefixLength == address.getAddress().length * 8;
    }

    private static InetAddress mask(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xFF << (8 - bits));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return isSingleHost() ? address.getHostAddress() : address.getHostAddress() + "/" + prefixLength;
    }
}
