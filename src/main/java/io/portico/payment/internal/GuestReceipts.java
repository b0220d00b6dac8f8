package io.portico.payment.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.portico.notification.Branding;
import io.portico.notification.EmailMessage;
import io.portico.notification.EmailTemplate;
import io.portico.notification.NotificationService;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.payment.GuestPlanPaid;
import io.portico.platform.PorticoException;

/**
 * Queues a guest's receipt in the transaction that confirmed the payment, so a receipt exists
 * exactly when the purchase does; in the guest's portal language (Spanish for {@code es-*},
 * else English). Nothing when the guest left no e-mail address.
 */
@Component
class GuestReceipts {

    private static final Logger log = LoggerFactory.getLogger(GuestReceipts.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static final EmailTemplate RECEIPT = new EmailTemplate("Your {operatorname} Wi-Fi receipt",
            "<p>Thank you for your purchase.</p><p>{planname}: {amount}<br>Valid from {startdate} to {enddate}.<br>"
                    + "Payment reference: {reference}</p>",
            "Thank you for your purchase.\n\n{planname}: {amount}\nValid from {startdate} to {enddate}.\n"
                    + "Payment reference: {reference}\n");
    static final EmailTemplate RECEIPT_ES = new EmailTemplate("Su recibo de Wi-Fi de {operatorname}",
            "<p>Gracias por su compra.</p><p>{planname}: {amount}<br>Válido desde {startdate} hasta {enddate}.<br>"
                    + "Referencia del pago: {reference}</p>",
            "Gracias por su compra.\n\n{planname}: {amount}\nVálido desde {startdate} hasta {enddate}.\n"
                    + "Referencia del pago: {reference}\n");

    private final NotificationService notifications;
    private final OperatorSettingsService settings;

    GuestReceipts(NotificationService notifications, OperatorSettingsService settings) {
        this.notifications = notifications;
        this.settings = settings;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(GuestPlanPaid paid) {
        String recipient = paid.checkout().email();
        if (recipient == null) {
            return;
        }
        long operatorId = paid.checkout().operatorId();
        Sections.Profile profile = settings.section(operatorId, Section.PROFILE);
        Sections.Notifications n = settings.section(operatorId, Section.NOTIFICATIONS);
        Sections.Email email = settings.section(operatorId, Section.EMAIL);
        String locale = paid.checkout().locale();
        String operatorName = profile.networkOperatorName().isBlank() ? "Wi-Fi" : profile.networkOperatorName();
        Map<String, String> variables = Map.of("operatorname", operatorName, "planname", paid.planName(),
                "amount", paid.checkout().amount().display(), "startdate", DATE.format(paid.startsAt()),
                "enddate", DATE.format(paid.expiresAt()), "reference", paid.paymentReference());
        EmailTemplate template = locale.startsWith("es") ? RECEIPT_ES : RECEIPT;
        String from = n.emailFrom().isBlank() ? profile.emailAddress() : n.emailFrom();
        try {
            long id = notifications.queue(new EmailMessage(operatorId, "GuestReceipt", "purchase:" + paid.purchaseId(),
                    recipient, from, locale, template.render(variables),
                    new Branding(email.brandColor(), profile.logoUrl(), operatorName), Instant.EPOCH));
            log.info("Receipt for purchase {} queued as email {} ({})", paid.purchaseId(), id, locale);
        } catch (PorticoException invalidAddress) {
            // A missing sender address must not undo the payment's purchase.
            log.warn("Receipt for purchase {} not queued: {}", paid.purchaseId(), invalidAddress.getMessage());
        }
    }
}
