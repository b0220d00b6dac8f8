package io.portico.payment.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.portico.notification.EmailTemplate;
import io.portico.payment.GuestPlanPaid;
import io.portico.payment.GuestPlanRefunded;

/**
 * Queues a guest's receipt in the transaction that confirmed the payment, so a receipt exists
 * exactly when the purchase does, and the refund notice in the transaction that recorded a
 * refund; in the guest's portal language (Spanish for {@code es-*}, else English). Nothing when
 * the guest left no e-mail address.
 */
@Component
class GuestReceipts {

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

    static final EmailTemplate REFUND = new EmailTemplate("Your {operatorname} Wi-Fi refund",
            "<p>We refunded your purchase.</p><p>{planname}: {amount}<br>Your Wi-Fi access has ended.<br>"
                    + "Refund reference: {reference}</p>",
            "We refunded your purchase.\n\n{planname}: {amount}\nYour Wi-Fi access has ended.\n"
                    + "Refund reference: {reference}\n");
    static final EmailTemplate REFUND_ES = new EmailTemplate("Su reembolso de Wi-Fi de {operatorname}",
            "<p>Le hemos reembolsado su compra.</p><p>{planname}: {amount}<br>Su acceso a Wi-Fi ha terminado.<br>"
                    + "Referencia del reembolso: {reference}</p>",
            "Le hemos reembolsado su compra.\n\n{planname}: {amount}\nSu acceso a Wi-Fi ha terminado.\n"
                    + "Referencia del reembolso: {reference}\n");

    private final ReceiptMailer mailer;

    GuestReceipts(ReceiptMailer mailer) {
        this.mailer = mailer;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(GuestPlanPaid paid) {
        if (paid.email() == null) {
            return;
        }
        mailer.queue(paid.operatorId(), "GuestReceipt", "purchase:" + paid.purchaseId(), paid.email(), paid.locale(),
                RECEIPT, RECEIPT_ES, Map.of("planname", paid.planName(), "amount", paid.amount().display(),
                        "startdate", DATE.format(paid.startsAt()), "enddate", DATE.format(paid.expiresAt()),
                        "reference", paid.paymentReference()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(GuestPlanRefunded refunded) {
        if (refunded.email() == null) {
            return;
        }
        mailer.queue(refunded.client().operatorId(), "GuestRefund", "refund:" + refunded.purchaseId(), refunded.email(), refunded.locale(),
                REFUND, REFUND_ES, Map.of("planname", refunded.planName(), "amount", refunded.amount().display(),
                        "reference", refunded.refundReference()));
    }
}
