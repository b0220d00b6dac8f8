package io.portico.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * URLs of the portal's static files with a content hash, so browsers may cache them for a year
 * and still get a new stylesheet the moment a release changes it.
 */
@Component
class PortalAssets {

    private final String stylesheet;

    PortalAssets() {
        this.stylesheet = PortalWebConfiguration.STATIC_PATH + "portal.css?v=" + hash("static/portal/portal.css");
    }

    String stylesheet() {
        return stylesheet;
    }

    private static String hash(String resource) {
        try (InputStream in = PortalAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return hash(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 12 hex digits of the content's SHA-256: a cache-busting version for a URL. */
    static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
