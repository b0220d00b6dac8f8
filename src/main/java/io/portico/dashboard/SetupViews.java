package io.portico.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.portico.platform.Slice;

/**
 * The guest set-up pages' models (hotspots with their portal, session profiles, guest plans,
 * clients and their guest API tokens), public for the precompiled templates. Forms carry what the
 * administrator typed as text, so a refused form is shown again with every field kept.
 */
public final class SetupViews {

    private SetupViews() {
    }

    private static String typed(@Nullable String field) {
        return field == null ? "" : field;
    }

    /** The set-up pages' own tabs; {@code current} is the tab's key. */
    public record Tabs(String current, @Nullable Long clientId) {

        public static final List<String> KEYS = List.of("hotspots", "session-profiles", "guest-plans", "clients");

        public String href(String key) {
            return "/dashboard/setup/" + key + (clientId == null || key.equals("clients") ? "" : "?client=" + clientId);
        }
    }

    /** A list's name search as a query parameter for its pager ({@code q=...&}), or nothing. */
    static String search(String query) {
        return query.isEmpty() ? "" : "q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8) + "&";
    }

    /** A page of a list: the rows shown and the previous and next page numbers (null at either end). */
    public record Paged<T>(List<T> rows, @Nullable Integer previous, @Nullable Integer next) {

        static <T> Paged<T> of(List<T> all, int page, int size) {
            int from = Math.min(Math.max(page, 0) * size, all.size());
            int to = Math.min(from + size, all.size());
            return new Paged<>(all.subList(from, to), from == 0 ? null : page - 1, to < all.size() ? page + 1 : null);
        }

        /** Page {@code page} (zero-based) as the module read it in SQL. */
        static <T> Paged<T> of(Slice<T> slice, int page) {
            return new Paged<>(slice.rows(), page <= 0 ? null : page - 1, slice.more() ? page + 1 : null);
        }

        <R> Paged<R> map(java.util.function.Function<T, R> row) {
            return new Paged<>(rows.stream().map(row).toList(), previous, next);
        }
    }

    // ---- hotspots ----

    public record HotspotRow(long id, String name, String nasIdentifier, String venue, String portal) {
    }

    /** @param venueName the venue's name as typed (a client with more venues than a menu lists), or null */
    public record HotspotForm(String name, long venueId, @Nullable String venueName, String nasIdentifier) {

        static final HotspotForm EMPTY = new HotspotForm("", 0, null, "");
    }

    public record HotspotsView(Tabs tabs, Choice clients, long clientId, Paged<HotspotRow> hotspots, Choice venues,
                               boolean canManage, HotspotForm form, @Nullable String error) {
    }

    /**
     * The captive portal form. Secrets are write-only: the page says whether one is stored, never
     * its value; a field left empty keeps the stored secret.
     *
     * @param fields each form field's choice: {@code ""} (not asked), {@code optional} or {@code required}
     */
    public record PortalForm(String gatewayKind, Set<String> methods, @Nullable Long clickThroughPlan,
                             @Nullable String clickThroughPlanName, @Nullable Long formPlan, @Nullable String formPlanName,
                             Map<String, String> fields, boolean uamSecretSet, String unifiSite, String controllerUrl,
                             String controllerUser, boolean controllerPasswordSet, boolean apiKeySet, String integrationSite,
                             String afterLogin, String gatewayLoginHost) {

        public boolean has(String method) {
            return methods.contains(method);
        }

        public String field(String name) {
            return fields.getOrDefault(name, "");
        }
    }

    public record HotspotView(Tabs tabs, long clientId, long hotspotId, String name, HotspotForm form, Choice venues,
                              PortalForm portal, boolean portalConfigured, @Nullable String portalUrl,
                              Choice clickThroughPlans, Choice formPlans, List<String> formFields, boolean canManage,
                              @Nullable String hotspotError, @Nullable String portalError, @Nullable String notice) {
    }

    // ---- session profiles and guest plans ----

    public record ProfileRow(long id, String name, String sessionTimeout, String idleTimeout, String download, String upload,
                             String dataCap) {
    }

    /** Minutes, kbit/s and MB as typed; empty means no limit. */
    public record ProfileForm(String name, String sessionMinutes, String idleMinutes, String downloadKbps, String uploadKbps,
                              String dataCapMb) {

        /** Bound from the form's fields; a field not sent is empty. */
        public ProfileForm {
            name = typed(name);
            sessionMinutes = typed(sessionMinutes);
            idleMinutes = typed(idleMinutes);
            downloadKbps = typed(downloadKbps);
            uploadKbps = typed(uploadKbps);
            dataCapMb = typed(dataCapMb);
        }

        static final ProfileForm EMPTY = new ProfileForm("", "", "", "", "", "");
    }

    public record ProfilesView(Tabs tabs, Choice clients, long clientId, String query, Paged<ProfileRow> profiles, boolean canManage,
                               ProfileForm form, @Nullable String error) {

        /** The list's address for the pager, with the client and the search. */
        public String pagerBase() {
            return "/dashboard/setup/session-profiles?client=" + clientId + "&" + SetupViews.search(query);
        }
    }

    public record ProfileView(Tabs tabs, long clientId, long profileId, ProfileForm form, boolean canManage, @Nullable String error) {
    }

    public record PlanRow(long id, String name, String profile, String duration, String price) {
    }

    /** The plan's length as an amount and a unit ({@code minutes}, {@code hours}, {@code days}), the price in major units. */
    /** @param profileName the session profile's name as typed (a client with more profiles than a menu lists), or null */
    public record PlanForm(String name, @Nullable Long profileId, @Nullable String profileName, String durationAmount, String durationUnit,
                           String price, String currency) {

        static final PlanForm EMPTY = new PlanForm("", null, null, "1", "days", "0.00", "USD");

        /** Bound from the form's fields; a field not sent is empty. */
        public PlanForm {
            name = typed(name);
            profileId = profileId == null ? 0L : profileId;
            durationAmount = typed(durationAmount);
            durationUnit = typed(durationUnit);
            price = typed(price);
            currency = typed(currency);
        }
    }

    public record PlansView(Tabs tabs, Choice clients, long clientId, Paged<PlanRow> plans, Choice profiles,
                            boolean canManage, PlanForm form, @Nullable String error) {
    }

    public record PlanView(Tabs tabs, long clientId, long planId, PlanForm form, Choice profiles, boolean canManage,
                           @Nullable String error) {
    }

    // ---- clients and tokens ----

    public record ClientRow(long id, String company, String key, String created) {
    }

    public record ClientForm(String company, String key) {

        static final ClientForm EMPTY = new ClientForm("", "");
    }

    public record ClientsView(Tabs tabs, String query, Paged<ClientRow> clients, boolean canManage, ClientForm form, @Nullable String error) {

        /** The list's address for the pager, with the search. */
        public String pagerBase() {
            return "/dashboard/setup/clients?" + SetupViews.search(query);
        }
    }

    public record TokenRow(long id, String label, String prefix, String created, String createdBy, String lastUsed, boolean active) {
    }

    /** A token just issued: its clear value, shown on this one page only. */
    public record IssuedToken(String label, String token) {
    }

    /** @param tokensBase the tokens pager's links up to {@code page=} */
    public record ClientView(Tabs tabs, long clientId, String company, String key, Paged<TokenRow> tokens, String tokensBase,
                             boolean canManage,
                             @Nullable IssuedToken issued, String label, @Nullable String error, @Nullable String notice) {
    }
}
