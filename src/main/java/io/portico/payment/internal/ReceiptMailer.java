package io.portico.payment.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.portico.notification.Branding;
import io.portico.notification.EmailMessage;
import io.portico.notification.EmailTemplate;
import io.portico.notification.NotificationService;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.PorticoException;

/**
 * Queues a payment receipt (guests' and residents') through the notification outbox in the
 * payment's transaction: the operator's name and branding, from the operator's EmailFrom (else its
 * profile e-mail), in Spanish for {@code es-*} locales, else English. A receipt that cannot be
 * queued (no sender address) is logged and never undoes the payment.
 */
@Component
class ReceiptMailer {

    private static final Logger log = LoggerFactory.getLogger(ReceiptMailer.class);

    private final NotificationService notifications;
    private final OperatorSettingsService settings;

    ReceiptMailer(NotificationService notifications, OperatorSettingsService settings) {
        this.notifications = notifications;
        this.settings = settings;
    }

    /** {@code variables} fill the template; {@code operatorname} is added. {@code key} makes the e-mail unique per payment. */
    void queue(long operatorId, String type, String key, String recipient, String locale, EmailTemplate english, EmailTemplate spanish,
               Map<String, String> variables) {
        Sections.Profile profile = settings.section(operatorId, Section.PROFILE);
        Sections.Notifications n = settings.section(operatorId, Section.NOTIFICATIONS);
        Sections.Email email = settings.section(operatorId, Section.EMAIL);
        String operatorName = profile.networkOperatorName().isBlank() ? "Wi-Fi" : profile.networkOperatorName();
        Map<String, String> all = new HashMap<>(variables);
        all.put("operatorname", operatorName);
        EmailTemplate template = locale.startsWith("es") ? spanish : english;
        String from = n.emailFrom().isBlank() ? profile.emailAddress() : n.emailFrom();
        try {
            long id = notifications.queue(new EmailMessage(operatorId, type, key, recipient, from, locale, template.render(all),
                    new Branding(email.brandColor(), profile.logoUrl(), operatorName), Instant.EPOCH));
            log.info("{} for {} queued as email {} ({})", type, key, id, locale);
        } catch (PorticoException invalidAddress) {
            // A missing sender address must not undo the payment.
            log.warn("{} for {} not queued: {}", type, key, invalidAddress.getMessage());
        }
    }
}
