package io.portico.notification;

import io.portico.platform.PorticoException;

/** A file sent with an email (a report's CSV): its name, media type and text content (UTF-8). */
public record EmailAttachment(String filename, String contentType, String content) {

    /** The largest attachment the outbox keeps (characters). */
    public static final int MAX_CHARS = 5_000_000;

    public EmailAttachment {
        if (filename == null || !filename.matches("[A-Za-z0-9._-]{1,200}")) {
            throw PorticoException.invalid("filename", "An attachment's name uses letters, digits, dot, dash and underscore.");
        }
        if (contentType == null || !contentType.matches("[a-z]+/[a-z0-9.+-]+(; ?charset=[A-Za-z0-9-]+)?")) {
            throw PorticoException.invalid("contentType", "An attachment needs a media type.");
        }
        if (content == null || content.length() > MAX_CHARS) {
            throw PorticoException.invalid("content", "An attachment holds at most " + MAX_CHARS + " characters.");
        }
    }
}
