package io.portico.notification;

/** An email as a subscriber would receive it, filled with example values: subject, branded HTML document, text. */
public record EmailPreview(String subject, String html, String text) {
}
