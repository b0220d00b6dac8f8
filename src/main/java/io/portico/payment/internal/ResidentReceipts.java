package io.portico.payment.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.portico.notification.EmailTemplate;
import io.portico.payment.ResidentInvoicePaid;
import io.portico.platform.web.PageLocales;

/**
 * Queues a resident's receipt for each paid invoice in the webhook's transaction (once per
 * invoice, like the invoice row), in the resident's language: the plan, the amount formatted for
 * the currency and the language, the period paid for (UTC dates) and Stripe's invoice number.
 */
@Component
class ResidentReceipts {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    static final EmailTemplate RECEIPT = new EmailTemplate("Your {operatorname} WiFi receipt",
            "<p>Thank you for your payment.</p><p>{planname}: {amount}<br>For the period {startdate} to {enddate} (UTC).<br>"
                    + "Invoice: {reference}</p>",
            "Thank you for your payment.\n\n{planname}: {amount}\nFor the period {startdate} to {enddate} (UTC).\n"
                    + "Invoice: {reference}\n");
    static final EmailTemplate RECEIPT_ES = new EmailTemplate("Su recibo de WiFi de {operatorname}",
            "<p>Gracias por su pago.</p><p>{planname}: {amount}<br>Por el periodo del {startdate} al {enddate} (UTC).<br>"
                    + "Factura: {reference}</p>",
            "Gracias por su pago.\n\n{planname}: {amount}\nPor el periodo del {startdate} al {enddate} (UTC).\n"
                    + "Factura: {reference}\n");

    private final ReceiptMailer mailer;

    ResidentReceipts(ReceiptMailer mailer) {
        this.mailer = mailer;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ResidentInvoicePaid paid) {
        mailer.queue(paid.operatorId(), "ResidentReceipt", "invoice:" + paid.invoiceId(), paid.email(), paid.locale(), RECEIPT, RECEIPT_ES,
                Map.of("planname", paid.planName(), "amount", paid.amount().format(PageLocales.javaLocale(paid.locale())),
                        "startdate", DATE.format(paid.periodStart()), "enddate", DATE.format(paid.periodEnd()),
                        "reference", paid.stripeInvoiceId()));
    }
}
