package io.portico.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.payment.internal.ResidentInvoiceRepository;
import io.portico.payment.internal.ResidentInvoiceRepository.Invoice;
import io.portico.subscription.PaidSignup;
import io.portico.subscription.SubscriberPrincipal;

/**
 * Residents' paid invoices: {@link ResidentBilling} records each {@code invoice.paid} with an
 * amount once (by Stripe's invoice id) and attaches it to the Portico subscription when that is
 * known, which sends the receipt ({@link ResidentInvoicePaid}); the subscriber console's Billing
 * page lists a resident's own invoices, a page at a time.
 */
@Service
public class ResidentInvoices {

    /** Invoices per page of the Billing list. */
    public static final int PAGE_SIZE = 10;

    /** One row of the Billing list. */
    public record PaidInvoice(Instant paidAt, Money amount, String planName, Instant periodStart, Instant periodEnd, String reference) {
    }

    /** One page (0-based) of a resident's invoices, newest first, and whether an older page exists. */
    public record InvoicePage(List<PaidInvoice> invoices, int page, boolean hasOlder) {
    }

    private final ResidentInvoiceRepository invoices;
    private final PaidSignup signups;
    private final ApplicationEventPublisher events;

    ResidentInvoices(ResidentInvoiceRepository invoices, PaidSignup signups, ApplicationEventPublisher events) {
        this.invoices = invoices;
        this.signups = signups;
        this.events = events;
    }

    /** The signed-in resident's own paid invoices (operator and subscriber from the session, never from the request). */
    @Transactional(readOnly = true)
    public InvoicePage page(SubscriberPrincipal resident, int page) {
        int p = Math.max(0, Math.min(page, 10_000));
        List<Invoice> rows = invoices.bySubscriber(resident.operatorId(), resident.subscriberId(), p * PAGE_SIZE, PAGE_SIZE + 1);
        return new InvoicePage(rows.stream().limit(PAGE_SIZE).map(i -> new PaidInvoice(i.paidAt(), new Money(i.amountMinor(), i.currency()),
                i.planName() == null ? "" : i.planName(), i.periodStart(), i.periodEnd(), i.stripeInvoiceId())).toList(), p, rows.size() > PAGE_SIZE);
    }

    /** A paid invoice (inside the webhook's transaction); a repeated one is ignored. Attached at once when the subscription is known. */
    void recordPaid(long operatorId, String stripeSubscriptionId, String stripeInvoiceId, Money amount, Instant periodStart,
                    Instant periodEnd, Instant paidAt, @Nullable Long subscriptionId) {
        if (amount.isFree() || !invoices.insert(new Invoice(0, operatorId, stripeInvoiceId, stripeSubscriptionId, null, null,
                amount.minorUnits(), amount.currency(), null, periodStart, periodEnd, paidAt))) {
            return;
        }
        if (subscriptionId != null) {
            attach(operatorId, invoices.byStripeId(stripeInvoiceId), subscriptionId);
        }
    }

    /** The Stripe subscription now pays for {@code subscriptionId}: its invoices that came first are attached and their receipts sent. */
    void attachWaiting(long operatorId, String stripeSubscriptionId, long subscriptionId) {
        invoices.unattached(operatorId, stripeSubscriptionId).forEach(i -> attach(operatorId, i, subscriptionId));
    }

    private void attach(long operatorId, Invoice invoice, long subscriptionId) {
        Optional<PaidSignup.Billed> billed = signups.billed(operatorId, subscriptionId);
        if (billed.isEmpty()) {
            return;
        }
        PaidSignup.Billed b = billed.get();
        invoices.attach(invoice.id(), subscriptionId, b.subscriberId(), b.planName());
        events.publishEvent(new ResidentInvoicePaid(operatorId, invoice.id(), b.email(), b.locale(), b.planName(),
                new Money(invoice.amountMinor(), invoice.currency()), invoice.periodStart(), invoice.periodEnd(),
                invoice.stripeInvoiceId(), invoice.paidAt()));
    }
}
