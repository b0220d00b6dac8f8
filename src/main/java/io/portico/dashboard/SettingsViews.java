package io.portico.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the settings pages show; built by the settings controllers from the module services' records. */
public final class SettingsViews {

    private SettingsViews() {
    }

    /** One link of the settings navigation. */
    public record Tab(String key, String label, String href, boolean current) {
    }

    /** What every settings page shares: its navigation, a confirmation and the error of the last form. */
    public record Frame(List<Tab> tabs, @Nullable String notice, @Nullable String error) {
    }

    /** An option of a select, or a checkbox. */
    public record Choice(String value, String label, boolean selected) {
    }

    public record IndexView(Frame frame, List<Entry> entries) {
    }

    public record Entry(String key, String label, String description, String href) {
    }

    public record ProfileView(Frame frame, String name, String email, String phone, String addressLine1, String addressLine2,
                              String city, String state, String postalCode, String country, String timeZone, List<String> zones) {
    }

    public record BrandingView(Frame frame, String logoUrl, String brandColour, String lightBrand, String lightBackground,
                               String lightText, String darkBrand, String darkBackground, String darkText, String previewUrl) {
    }

    public record TermsView(Frame frame, List<Choice> locales, String locale, String text, @Nullable String previewHtml,
                            List<String> removed) {
    }

    public record EmailView(Frame frame, List<Choice> locales, String locale, List<Choice> kinds, String kind, String subject,
                            String html, String text, String defaultSubject, String defaultHtml, String defaultText,
                            String previewUrl) {
    }

    public record NotificationsView(Frame frame, String welcomeHours, boolean welcome, boolean end, boolean suppress,
                                    String emailFrom, String smsPhone) {
    }

    public record NetworkView(Frame frame, String wiredMin, String wiredMax, String localMin, String localMax, String roamingMin,
                              String roamingMax, boolean customPsk, boolean overlapping, String allowList, String globalSsids,
                              String roamingSsids, String radiusServer, String authPort, String acctPort, String maskedSecret) {
    }

    public record WebhookView(Frame frame, String url, boolean allowPrivate, String maskedSecret, @Nullable String newSecret) {
    }

    public record NasRow(long id, String name, String network, String nasIdentifier, String serves, int coaPort, String added) {
    }

    /** @param base the pager's links up to {@code page=} */
    public record RadiusView(Frame frame, SetupViews.Paged<NasRow> clients, String query, String base, io.portico.dashboard.Choice hotspots, String name, String network,
                             String nasIdentifier, String coaPort) {
    }

    public record AdminRow(String email, String name, List<Choice> roles, boolean self) {
    }

    /** @param base the pager's links up to {@code page=} */
    public record AdministratorsView(Frame frame, SetupViews.Paged<AdminRow> administrators, String query, String base,
                                     List<Choice> newRoles, String email, String name,
                                     boolean twoFactorRequired) {
    }

    /**
     * The payment settings page: each provider's mode (test or live), and the PayPal form with
     * only whether each secret is set.
     */
    public record PaymentView(Frame frame, io.portico.payment.PaymentStatus status, io.portico.payment.PayPalSettings paypal,
                              String webhookUrl) {
    }
}
