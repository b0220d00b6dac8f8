package io.portico.subscriberconsole;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.portico.plan.ServicePlan;
import io.portico.radius.ResidentDevice;
import io.portico.subscription.ResidentKey;
import io.portico.subscription.ResidentPlan;

/** What the My WiFi, My devices and My plan templates show, built by {@link ResidentPageController}. */
public final class ResidentViews {

    private ResidentViews() {
    }

    /** What the WiFi page shows per key: the key, one QR code per SSID, and whether rotation awaits confirmation. */
    public record KeyView(ResidentKey key, List<QrView> codes, String validity, boolean confirming) {
    }

    /** One SSID's QR code (an SVG drawn on the server). */
    public record QrView(String ssid, String svg) {
    }

    /** One device row. */
    public record DeviceView(ResidentDevice device, String lastSeen, String used) {

        /** The MAC's hex digits alone: the device's part of the page's element ids. */
        public String id() {
            return device.device().value().replaceAll("[^0-9A-Fa-f]", "");
        }
    }

    /** One row of the Billing list: paid on, amount in the page's language, plan, period. */
    public record InvoiceView(String paidOn, String amount, String planName, String period) {
    }

    /**
     * One subscription on the plan page with the plans it may move to, the change waiting for the
     * payment provider, and whether it may change now (not while a paid plan is set to end).
     */
    public record PlanView(ResidentPlan plan, String starts, @Nullable String ends, String cycleEnds, @Nullable String cancelledFor,
                    List<ServicePlan> choices, @Nullable String pending, boolean changeLocked) {

        public boolean paid(ServicePlan p) {
            return ResidentPlan.paid(p);
        }
    }
}
