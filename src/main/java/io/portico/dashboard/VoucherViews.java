package io.portico.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;


/** The voucher pages' models, public for the precompiled templates. */
public final class VoucherViews {

    private VoucherViews() {
    }

    /** One line of the batch list. */
    public record BatchRow(long id, String label, String plan, int count, int redeemed, int revoked, String validity, String created) {
    }

    /** One line of a batch's voucher list. */
    public record VoucherRow(long id, String code, String state, String stateClass, int uses, int maxUses) {
    }

    /** One redemption: the code, who (MAC, email), where and when. */
    public record RedemptionRow(String code, String device, String email, String hotspot, String at) {
    }

    /** The voucher list page's model. */
    public record VouchersView(Choice clients, long clientId, Choice plans, Choice hotspots, List<BatchRow> batches,
                        @Nullable Long older, boolean canCreate, String defaultValidUntil) {
    }

    /** A batch page's model. */
    public record BatchView(long clientId, long batchId, String label, String plan, int count, int redeemed, int revoked, String validity,
                     String createdBy, String created, List<VoucherRow> vouchers, @Nullable Long next,
                     List<RedemptionRow> redemptions, boolean canRevoke, boolean justCreated) {
    }

    /** The printable page's model: one card per voucher, each with its QR code as SVG. */
    public record PrintView(String title, List<PrintCard> cards) {
    }

    public record PrintCard(String code, String plan, String validity, String qrSvg, String portalUrl) {
    }
}
