package io.portico.dashboard;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.portico.portal.PortalPreview;
import io.portico.webhook.WebhookEndpoint;
import io.portico.webhook.WebhookService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Settings of the operator itself: the index, profile (with the time zone the dashboard shows
 * times in), branding with a live preview of the real portal page, notifications, network
 * configuration and the webhook. Every change goes through the operator or webhook module, which
 * checks the role and writes the operator log; a refused value is shown on its form.
 */
@Controller
@Hidden
class SettingsController extends SettingsForms {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OperatorSettingsService settings;
    private final WebhookService webhooks;
    private final PortalPreview preview;

    SettingsController(DashboardPages pages, DashboardSessions sessions, OperatorSettingsService settings,
                       WebhookService webhooks, PortalPreview preview) {
        super(pages, sessions);
        this.settings = settings;
        this.webhooks = webhooks;
        this.preview = preview;
    }

    @GetMapping(SettingsPage.ROOT)
    String index(Actor actor, HttpServletRequest request, Model model) {
        actor.require(DashboardSection.SETTINGS.permission());
        PageText text = pages.text(request);
        List<SettingsViews.Entry> entries = new ArrayList<>();
        for (SettingsPage p : SettingsPage.values()) {
            if (p.visibleTo(actor)) {
                entries.add(new SettingsViews.Entry(p.key(), text.t("settings." + p.key() + ".title"),
                        text.t("settings." + p.key() + ".about"), p.path()));
            }
        }
        model.addAttribute("page", pages.page(request, actor, DashboardSection.SETTINGS, "settings.title",
                List.of(pages.asset("settings.css")), List.of()));
        model.addAttribute("view", new SettingsViews.IndexView(frame(actor, request, null, null, null), entries));
        return "dashboard/settings";
    }

    // ---- profile ----------------------------------------------------------------------------

    @GetMapping("/dashboard/settings/profile")
    String profile(Actor actor, HttpServletRequest request, Model model) {
        SettingsPage.PROFILE.require(actor);
        Sections.Profile p = settings.settings(actor).profile();
        return profilePage(actor, request, model, null, p.networkOperatorName(), p.emailAddress(), p.phoneNumber(), p.addressLine1(),
                p.addressLine2(), p.city(), p.state(), p.postalCode(), p.country(),
                settings.section(actor.operatorId(), Section.LOCALITY).timeZone());
    }

    @PostMapping("/dashboard/settings/profile")
    String saveProfile(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                       @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String addressLine1,
                       @RequestParam(defaultValue = "") String addressLine2, @RequestParam(defaultValue = "") String city,
                       @RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String postalCode,
                       @RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String timeZone,
                       @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.PROFILE, request, csrf);
        try {
            if (name.isBlank()) {
                throw PorticoException.invalid("networkOperatorName", "{networkOperatorName} is required.");
            }
            Sections.Profile p = settings.section(actor.operatorId(), Section.PROFILE);
            // Both records validate themselves before either is stored: a refused time zone leaves the profile as it was.
            Sections.Profile changed = new Sections.Profile(name, p.domain(), p.emailDomain(), p.domainAlias(), addressLine1,
                    addressLine2, city, state, postalCode, country, phone, email, p.logoUrl(), p.displayOptionId(),
                    p.propertyManagementGroupId());
            Sections.Locality locality = new Sections.Locality(timeZone);
            settings.update(actor, Section.PROFILE, changed, Map.of());
            settings.update(actor, Section.LOCALITY, locality, Map.of());
        } catch (PorticoException e) {
            return profilePage(actor, request, model, refusal(e, request, response), name, email, phone, addressLine1, addressLine2,
                    city, state, postalCode, country, timeZone);
        }
        return "redirect:" + SettingsPage.PROFILE.path() + "?saved";
    }

    private String profilePage(Actor actor, HttpServletRequest request, Model model, @Nullable String error, String name,
                               String email, String phone, String addressLine1, String addressLine2, String city, String state,
                               String postalCode, String country, String timeZone) {
        model.addAttribute("page", page(request, actor, SettingsPage.PROFILE, List.of()));
        model.addAttribute("view", new SettingsViews.ProfileView(frame(actor, request, SettingsPage.PROFILE, null, error), name,
                email, phone, addressLine1, addressLine2, city, state, postalCode, country, timeZone,
                ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                        && !z.startsWith("SystemV/")).sorted().toList()));
        return "dashboard/settings-profile";
    }

    // ---- branding ---------------------------------------------------------------------------

    /** The branding form's values: logo, brand colour and the light and dark themes' three colours. */
    record Branding(String logoUrl, String brandColour, String lightBrand, String lightBackground, String lightText,
                    String darkBrand, String darkBackground, String darkText) {

        static Branding of(HttpServletRequest request) {
            return new Branding(param(request, "logoUrl"), param(request, "brandColour"), param(request, "lightBrand"),
                    param(request, "lightBackground"), param(request, "lightText"), param(request, "darkBrand"),
                    param(request, "darkBackground"), param(request, "darkText"));
        }

        static Branding saved(OperatorSettingsService settings, long operatorId) {
            Map<String, Object> display = settings.section(operatorId, Section.DISPLAY).configuration();
            String brand = settings.section(operatorId, Section.EMAIL).brandColor();
            return new Branding(settings.section(operatorId, Section.PROFILE).logoUrl(), brand.equals("#000000") ? "" : brand,
                    colour(display, "ThemeLight", "primary"), colour(display, "ThemeLight", "background"),
                    colour(display, "ThemeLight", "text"), colour(display, "ThemeDark", "primary"),
                    colour(display, "ThemeDark", "background"), colour(display, "ThemeDark", "text"));
        }

        /** The DisplayConfiguration with these themes' colours set (other keys and theme entries kept). */
        Map<String, Object> display(Map<String, Object> current) {
            Map<String, Object> display = new LinkedHashMap<>(current);
            display.put("ThemeLight", theme(current.get("ThemeLight"), lightBrand, lightBackground, lightText));
            display.put("ThemeDark", theme(current.get("ThemeDark"), darkBrand, darkBackground, darkText));
            return display;
        }

        PortalPreview.Draft draft(Map<String, Object> current) {
            return new PortalPreview.Draft(logoUrl, display(current), brandColour);
        }

        /** The first colour that is not {@code #rrggbb}, or null. */
        @Nullable String badColour() {
            for (String c : List.of(brandColour, lightBrand, lightBackground, lightText, darkBrand, darkBackground, darkText)) {
                if (!c.isEmpty() && !COLOUR.matcher(c).matches()) {
                    return c;
                }
            }
            return null;
        }

        String query() {
            return UriComponentsBuilder.newInstance().queryParam("logoUrl", logoUrl).queryParam("brandColour", brandColour)
                    .queryParam("lightBrand", lightBrand).queryParam("lightBackground", lightBackground)
                    .queryParam("lightText", lightText).queryParam("darkBrand", darkBrand)
                    .queryParam("darkBackground", darkBackground).queryParam("darkText", darkText).encode().build().getQuery();
        }

        private static Map<String, Object> theme(@Nullable Object current, String brand, String background, String text) {
            Map<String, Object> theme = new LinkedHashMap<>();
            if (current instanceof Map<?, ?> map) {
                map.forEach((k, v) -> theme.put(String.valueOf(k), v));
            }
            put(theme, "primary", brand);
            put(theme, "background", background);
            put(theme, "text", text);
            return theme;
        }

        private static void put(Map<String, Object> theme, String key, String colour) {
            if (colour.isEmpty()) {
                theme.remove(key);
            } else {
                theme.put(key, colour);
            }
        }

        private static String colour(Map<String, Object> display, String theme, String key) {
            return display.get(theme) instanceof Map<?, ?> map && map.get(key) instanceof String s ? s : "";
        }

        private static String param(HttpServletRequest request, String name) {
            String value = request.getParameter(name);
            return value == null ? "" : value.strip();
        }
    }

    @GetMapping("/dashboard/settings/branding")
    String branding(Actor actor, HttpServletRequest request, Model model) {
        SettingsPage.BRANDING.require(actor);
        return brandingPage(actor, request, model, null, Branding.saved(settings, actor.operatorId()));
    }

    @PostMapping("/dashboard/settings/branding")
    String saveBranding(Actor actor, @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.BRANDING, request, csrf);
        Branding form = Branding.of(request);
        String bad = form.badColour();
        if (bad != null) {
            return brandingPage(actor, request, model, refusal("settings.branding.badColour", request, response, bad), form);
        }
        try {
            long operatorId = actor.operatorId();
            Sections.Profile p = settings.section(operatorId, Section.PROFILE);
            Sections.Email email = settings.section(operatorId, Section.EMAIL);
            // Every record validates itself before anything is stored.
            Sections.Profile profile = new Sections.Profile(p.networkOperatorName(), p.domain(), p.emailDomain(), p.domainAlias(),
                    p.addressLine1(), p.addressLine2(), p.city(), p.state(), p.postalCode(), p.country(), p.phoneNumber(),
                    p.emailAddress(), form.logoUrl(), p.displayOptionId(), p.propertyManagementGroupId());
            Sections.Email brand = new Sections.Email(form.brandColour().isEmpty() ? "#000000" : form.brandColour(),
                    email.emailFromArn(), email.suppressSubscriberEmails(), email.dkimStatus(), email.dkimLastKeyGeneration(),
                    email.dkimAttributes(), email.templates());
            Section.Display display = new Section.Display(form.display(settings.section(operatorId, Section.DISPLAY).configuration()));
            settings.update(actor, Section.PROFILE, profile, Map.of());
            settings.update(actor, Section.EMAIL, brand, Map.of());
            settings.update(actor, Section.DISPLAY, display, Map.of());
        } catch (PorticoException e) {
            return brandingPage(actor, request, model, refusal(e, request, response), form);
        }
        return "redirect:" + SettingsPage.BRANDING.path() + "?saved";
    }

    /** The real portal sign-in page with the form's (unsaved) look, shown in the branding page's frame. */
    @GetMapping("/dashboard/settings/branding/preview")
    String brandingPreview(Actor actor, @RequestParam(required = false) @Nullable String lang, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        SettingsPage.BRANDING.require(actor);
        Branding form = request.getParameter("brandColour") == null ? Branding.saved(settings, actor.operatorId()) : Branding.of(request);
        response.setHeader("Content-Security-Policy", PortalPreview.framedContentSecurityPolicy());
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        String operator = settings.settings(actor).profile().networkOperatorName();
        return preview.signInPage(model, actor.operatorId(), form.draft(settings.section(actor.operatorId(), Section.DISPLAY)
                .configuration()), lang, operator, "/dashboard/settings/branding/theme.css?" + form.query(),
                "/dashboard/settings/branding/preview?" + form.query());
    }

    @GetMapping(path = "/dashboard/settings/branding/theme.css", produces = "text/css")
    ResponseEntity<String> brandingTheme(Actor actor, HttpServletRequest request) {
        SettingsPage.BRANDING.require(actor);
        Branding form = Branding.of(request);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/css"))
                .body(preview.themeCss(form.draft(settings.section(actor.operatorId(), Section.DISPLAY).configuration())));
    }

    private String brandingPage(Actor actor, HttpServletRequest request, Model model, @Nullable String error, Branding form) {
        model.addAttribute("page", page(request, actor, SettingsPage.BRANDING, List.of(pages.asset("settings-branding.js"))));
        model.addAttribute("view", new SettingsViews.BrandingView(frame(actor, request, SettingsPage.BRANDING, null, error),
                form.logoUrl(), form.brandColour(), form.lightBrand(), form.lightBackground(), form.lightText(), form.darkBrand(),
                form.darkBackground(), form.darkText(), "/dashboard/settings/branding/preview?" + form.query()));
        return "dashboard/settings-branding";
    }

    // ---- notifications ----------------------------------------------------------------------

    @GetMapping("/dashboard/settings/notifications")
    String notifications(Actor actor, HttpServletRequest request, Model model) {
        SettingsPage.NOTIFICATIONS.require(actor);
        Sections.Notifications n = settings.section(actor.operatorId(), Section.NOTIFICATIONS);
        return notificationsPage(actor, request, model, null, Integer.toString(n.welcomeEmailCountdownHours()),
                n.sendSubscriptionAddedEmail(), n.sendSubscriptionEndEmail(), n.suppressSubscriberNotifications(), n.emailFrom(),
                n.smsPhoneNumber());
    }

    @PostMapping("/dashboard/settings/notifications")
    String saveNotifications(Actor actor, @RequestParam(defaultValue = "0") String welcomeHours,
                             @RequestParam(defaultValue = "false") boolean welcome, @RequestParam(defaultValue = "false") boolean end,
                             @RequestParam(defaultValue = "false") boolean suppress, @RequestParam(defaultValue = "") String emailFrom,
                             @RequestParam(defaultValue = "") String smsPhone,
                             @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                             HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.NOTIFICATIONS, request, csrf);
        try {
            Sections.Notifications n = settings.section(actor.operatorId(), Section.NOTIFICATIONS);
            settings.update(actor, Section.NOTIFICATIONS, new Sections.Notifications(number("welcomeEmailCountdownHours", welcomeHours),
                    welcome, end, suppress, n.pinpointId(), emailFrom, n.mailboxVerified(), smsPhone), Map.of());
        } catch (PorticoException e) {
            return notificationsPage(actor, request, model, refusal(e, request, response), welcomeHours, welcome, end, suppress,
                    emailFrom, smsPhone);
        }
        return "redirect:" + SettingsPage.NOTIFICATIONS.path() + "?saved";
    }

    private String notificationsPage(Actor actor, HttpServletRequest request, Model model, @Nullable String error, String hours,
                                     boolean welcome, boolean end, boolean suppress, String emailFrom, String smsPhone) {
        model.addAttribute("page", page(request, actor, SettingsPage.NOTIFICATIONS, List.of()));
        model.addAttribute("view", new SettingsViews.NotificationsView(frame(actor, request, SettingsPage.NOTIFICATIONS, null, error),
                hours, welcome, end, suppress, emailFrom, smsPhone));
        return "dashboard/settings-notifications";
    }

    // ---- network ----------------------------------------------------------------------------

    @GetMapping("/dashboard/settings/network")
    String network(Actor actor, HttpServletRequest request, Model model) {
        SettingsPage.NETWORK.require(actor);
        Sections.Network n = settings.network(actor.operatorId());
        return networkPage(actor, request, model, null, new SettingsViews.NetworkView(null,
                Integer.toString(n.wiredPlusWireless().min()), Integer.toString(n.wiredPlusWireless().max()),
                Integer.toString(n.localWireless().min()), Integer.toString(n.localWireless().max()),
                Integer.toString(n.roaming().min()), Integer.toString(n.roaming().max()), n.customPsk(),
                n.allowOverlappingSubscriptions(), lines(n.sourceIpAllowList()), lines(n.globalSsids()), lines(n.roamingSsids()),
                n.radius().serverIp(), n.radius().authenticationPort(), n.radius().accountingPort(), ""));
    }

    @PostMapping("/dashboard/settings/network")
    String saveNetwork(Actor actor, @RequestParam(defaultValue = "") String wiredMin, @RequestParam(defaultValue = "") String wiredMax,
                       @RequestParam(defaultValue = "") String localMin, @RequestParam(defaultValue = "") String localMax,
                       @RequestParam(defaultValue = "") String roamingMin, @RequestParam(defaultValue = "") String roamingMax,
                       @RequestParam(defaultValue = "false") boolean customPsk, @RequestParam(defaultValue = "false") boolean overlapping,
                       @RequestParam(defaultValue = "") String allowList, @RequestParam(defaultValue = "") String globalSsids,
                       @RequestParam(defaultValue = "") String roamingSsids, @RequestParam(defaultValue = "") String radiusServer,
                       @RequestParam(defaultValue = "") String authPort, @RequestParam(defaultValue = "") String acctPort,
                       @RequestParam(defaultValue = "") String radiusSecret,
                       @RequestParam(defaultValue = "false") boolean removeRadiusSecret,
                       @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.NETWORK, request, csrf);
        SettingsViews.NetworkView entered = new SettingsViews.NetworkView(null, wiredMin, wiredMax, localMin, localMax, roamingMin,
                roamingMax, customPsk, overlapping, allowList, globalSsids, roamingSsids, radiusServer, authPort, acctPort, "");
        try {
            Map<SecretName, String> secrets = new EnumMap<>(SecretName.class);
            if (removeRadiusSecret) {
                secrets.put(SecretName.RADIUS_SECRET, "");
            } else if (!radiusSecret.isEmpty()) {
                secrets.put(SecretName.RADIUS_SECRET, radiusSecret);
            }
            settings.update(actor, Section.NETWORK, new Sections.Network(
                    new Sections.VlanRange(number("vlanRange", wiredMin), number("vlanRange", wiredMax)),
                    new Sections.VlanRange(number("vlanRange", localMin), number("vlanRange", localMax)),
                    new Sections.VlanRange(number("vlanRange", roamingMin), number("vlanRange", roamingMax)),
                    customPsk, overlapping, lines(allowList), new Sections.Radius(radiusServer.strip(), authPort.strip(), acctPort.strip()),
                    lines(globalSsids), lines(roamingSsids)), secrets);
        } catch (PorticoException e) {
            return networkPage(actor, request, model, refusal(e, request, response), entered);
        }
        return "redirect:" + SettingsPage.NETWORK.path() + "?saved";
    }

    private String networkPage(Actor actor, HttpServletRequest request, Model model, @Nullable String error, SettingsViews.NetworkView v) {
        model.addAttribute("page", page(request, actor, SettingsPage.NETWORK, List.of()));
        model.addAttribute("view", new SettingsViews.NetworkView(frame(actor, request, SettingsPage.NETWORK, null, error),
                v.wiredMin(), v.wiredMax(), v.localMin(), v.localMax(), v.roamingMin(), v.roamingMax(), v.customPsk(), v.overlapping(),
                v.allowList(), v.globalSsids(), v.roamingSsids(), v.radiusServer(), v.authPort(), v.acctPort(),
                settings.settings(actor).masked(SecretName.RADIUS_SECRET)));
        return "dashboard/settings-network";
    }

    // ---- webhook ----------------------------------------------------------------------------

    @GetMapping("/dashboard/settings/webhook")
    String webhook(Actor actor, HttpServletRequest request, Model model) {
        SettingsPage.WEBHOOK.require(actor);
        WebhookEndpoint endpoint = webhooks.endpoint(actor.operatorId());
        return webhookPage(actor, request, model, null, null, endpoint.url(), webhooks.allowsPrivateTargets(actor.operatorId()), null);
    }

    @PostMapping("/dashboard/settings/webhook")
    String saveWebhook(Actor actor, @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "false") boolean allowPrivate,
                       @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.WEBHOOK, request, csrf);
        try {
            webhooks.configure(actor, url.strip(), null, allowPrivate);
        } catch (PorticoException e) {
            return webhookPage(actor, request, model, null, refusal(e, request, response), url, allowPrivate, null);
        }
        return "redirect:" + SettingsPage.WEBHOOK.path() + "?saved";
    }

    /** A new random signing secret, stored sealed and shown this once. */
    @PostMapping("/dashboard/settings/webhook/secret")
    String rotateSecret(Actor actor, @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                        HttpServletRequest request, Model model) {
        checkForm(actor, SettingsPage.WEBHOOK, request, csrf);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        WebhookEndpoint endpoint = webhooks.configure(actor, null, secret, null);
        return webhookPage(actor, request, model, "settings.webhook.secretCreated", null, endpoint.url(),
                webhooks.allowsPrivateTargets(actor.operatorId()), secret);
    }

    private String webhookPage(Actor actor, HttpServletRequest request, Model model, @Nullable String noticeKey, @Nullable String error,
                               String url, boolean allowPrivate, @Nullable String newSecret) {
        model.addAttribute("page", page(request, actor, SettingsPage.WEBHOOK, List.of()));
        model.addAttribute("view", new SettingsViews.WebhookView(frame(actor, request, SettingsPage.WEBHOOK, noticeKey, error), url,
                allowPrivate, webhooks.endpoint(actor.operatorId()).maskedSecret(), newSecret));
        return "dashboard/settings-webhook";
    }

    private static int number(String field, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw PorticoException.invalid(field, "{" + field + "} must be a whole number.");
        }
    }
}
