package io.portico.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * URLs of a surface's static files with a content hash, so browsers may cache them for a year and
 * still get a new file the moment a release changes it. Used by the portal and the dashboard.
 */
public final class AssetVersions {

    private AssetVersions() {
    }

    /** {@code urlPrefix + name + "?v=" + hash}, hashing the class-path resource {@code resourceDir + name}. */
    public static String versioned(String urlPrefix, String resourceDir, String name) {
        return urlPrefix + name + "?v=" + hashOf(resourceDir + name);
    }

    private static String hashOf(String resource) {
        try (InputStream in = AssetVersions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return hash(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 12 hex digits of the content's SHA-256: a cache-busting version for a URL. */
    public static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
