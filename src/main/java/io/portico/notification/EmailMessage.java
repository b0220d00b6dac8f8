package io.portico.notification;

import java.time.Instant;

import io.portico.platform.PorticoException;

/**
 * One email to queue. {@code kind} names what it is (WelcomeEmail, SubscriptionEnd, PasswordReset)
 * and {@code reference} what it is about (a subscription id), for the outbox and its log.
 */
public record EmailMessage(long operatorId, String kind, String reference, String recipient, String sender, String locale,
                           EmailTemplate.RenderedEmail content, Branding branding, Instant notBefore) {

    public EmailMessage {
        if (recipient == null || !recipient.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || recipient.length() > 254) {
            throw PorticoException.invalid("recipient", "The recipient's email address is not valid.");
        }
        if (sender == null || !sender.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw PorticoException.invalid("sender", "The operator's {sender} address is not valid.");
        }
        reference = reference == null ? "" : reference;
    }
}
