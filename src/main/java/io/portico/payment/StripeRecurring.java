package io.portico.payment;

import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.Recurring.Interval;

import io.portico.platform.PorticoException;

/**
 * A plan's billing cycle ({@code BillingCycleHours}) as Stripe's recurring price interval: whole
 * years (8760 or 8766 hours), months (730 or 730.5 hours, SmartWiFi's month), weeks or days.
 * Stripe allows at most three years; other cycles cannot be billed and are refused.
 */
public record StripeRecurring(Interval interval, long count) {

    public static StripeRecurring of(double hours) {
        for (double year : new double[] {8766, 8760}) {
            if (whole(hours, year)) {
                return checked(Interval.YEAR, Math.round(hours / year), 3);
            }
        }
        for (double month : new double[] {730.5, 730, 720}) {
            if (whole(hours, month)) {
                return checked(Interval.MONTH, Math.round(hours / month), 36);
            }
        }
        if (whole(hours, 168)) {
            return checked(Interval.WEEK, Math.round(hours / 168), 156);
        }
        if (whole(hours, 24)) {
            return checked(Interval.DAY, Math.round(hours / 24), 1095);
        }
        throw PorticoException.invalid("billingCycleHours", "A billing cycle of " + hours
                + " hours cannot be billed online; it must be whole days, weeks, months (730.5 hours) or years.");
    }

    private static boolean whole(double hours, double unit) {
        double n = hours / unit;
        return n >= 1 && Math.abs(n - Math.rint(n)) < 1e-9;
    }

    private static StripeRecurring checked(Interval interval, long count, long max) {
        if (count > max) {
            throw PorticoException.invalid("billingCycleHours", "Stripe bills at most every three years.");
        }
        return new StripeRecurring(interval, count);
    }
}
