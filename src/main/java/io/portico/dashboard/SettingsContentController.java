package io.portico.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import io.portico.notification.EmailKind;
import io.portico.notification.EmailPreview;
import io.portico.notification.EmailTemplate;
import io.portico.notification.NotificationService;
import io.portico.operator.CheckedHtml;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The operator's own texts: terms and conditions per locale and the subscriber email templates.
 * Both go through the operator module's sanitizer: a preview shows the text as it would be kept
 * and, when saving would be refused, what the sanitizer found; emails preview as sent, with
 * example values and the operator's branding.
 */
@Controller
@Hidden
class SettingsContentController extends SettingsForms {

    /** Email previews are the operator's formatting HTML with the branding's inline styles; nothing else runs. */
    private static final String EMAIL_PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

    private final OperatorSettingsService settings;
    private final NotificationService notifications;

    SettingsContentController(DashboardPages pages, DashboardSessions sessions, OperatorSettingsService settings,
                              NotificationService notifications) {
        super(pages, sessions);
        this.settings = settings;
        this.notifications = notifications;
    }

    // ---- terms and conditions ---------------------------------------------------------------

    @GetMapping("/dashboard/settings/terms")
    String terms(Actor actor, @RequestParam(required = false) @Nullable String locale, HttpServletRequest request, Model model) {
        SettingsPage.TERMS.require(actor);
        String chosen = locale(actor, locale);
        String text = settings.section(actor.operatorId(), Section.TANDC).byLocale().getOrDefault(chosen, "");
        return termsPage(actor, request, model, null, null, chosen, text, text.isEmpty() ? null : settings.checkFormatting(text));
    }

    @PostMapping("/dashboard/settings/terms")
    String saveTerms(Actor actor, @RequestParam(defaultValue = "") String locale, @RequestParam(defaultValue = "") String text,
                     @RequestParam(defaultValue = "save") String action,
                     @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.TERMS, request, csrf);
        String chosen = locale(actor, locale);
        CheckedHtml checked = settings.checkFormatting(text);
        if ("preview".equals(action)) {
            return termsPage(actor, request, model, checked.refused() ? null : "settings.terms.previewClean", null, chosen, text, checked);
        }
        try {
            settings.configureTandC(actor, chosen, text);
        } catch (PorticoException e) {
            String error = checked.refused() ? refusalOf(request, response, checked) : refusal(e, request, response);
            return termsPage(actor, request, model, null, error, chosen, text, checked);
        }
        return "redirect:" + SettingsPage.TERMS.path() + "?saved&locale=" + chosen;
    }

    private String refusalOf(HttpServletRequest request, HttpServletResponse response, CheckedHtml checked) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return pages.text(request).t("settings.terms.refused", String.join("; ", checked.removed()));
    }

    private String termsPage(Actor actor, HttpServletRequest request, Model model, @Nullable String noticeKey, @Nullable String error,
                             String locale, String text, @Nullable CheckedHtml checked) {
        model.addAttribute("page", page(request, actor, SettingsPage.TERMS, List.of()));
        model.addAttribute("view", new SettingsViews.TermsView(frame(actor, request, SettingsPage.TERMS, noticeKey, error),
                locales(actor, locale), locale, text, checked == null ? null : checked.html(),
                checked == null ? List.of() : checked.removed()));
        return "dashboard/settings-terms";
    }

    // ---- email templates --------------------------------------------------------------------

    @GetMapping("/dashboard/settings/email-templates")
    String emailTemplates(Actor actor, @RequestParam(required = false) @Nullable String locale,
                          @RequestParam(required = false) @Nullable String kind, HttpServletRequest request, Model model) {
        SettingsPage.EMAIL_TEMPLATES.require(actor);
        String chosen = locale(actor, locale);
        EmailKind k = kind(kind);
        Map<?, ?> parts = stored(actor, chosen, k);
        return emailPage(actor, request, model, null, chosen, k, part(parts, "Subject"), part(parts, "HTML"), part(parts, "Text"));
    }

    @PostMapping("/dashboard/settings/email-templates")
    String saveEmailTemplate(Actor actor, @RequestParam(defaultValue = "") String locale, @RequestParam(defaultValue = "") String kind,
                             @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String html,
                             @RequestParam(defaultValue = "") String text,
                             @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                             HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.EMAIL_TEMPLATES, request, csrf);
        String chosen = locale(actor, locale);
        EmailKind k = kind(kind);
        Map<String, Object> templates = new LinkedHashMap<>(settings.section(actor.operatorId(), Section.EMAIL).templates()
                .getOrDefault(chosen, Map.of()));
        Map<String, Object> group = new LinkedHashMap<>();
        if (templates.get(k.group()) instanceof Map<?, ?> existing) {
            existing.forEach((key, value) -> group.put(String.valueOf(key), value));
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        putIfGiven(parts, "Subject", subject);
        putIfGiven(parts, "HTML", html);
        putIfGiven(parts, "Text", text);
        group.put(k.variant(), parts);
        templates.put(k.group(), group);
        try {
            settings.configureEmailTemplates(actor, chosen, templates, null);
        } catch (PorticoException e) {
            CheckedHtml checked = settings.checkFormatting(html);
            String error = checked.refused() ? refusalOf(request, response, checked) : refusal(e, request, response);
            return emailPage(actor, request, model, error, chosen, k, subject, html, text);
        }
        return "redirect:" + UriComponentsBuilder.fromPath(SettingsPage.EMAIL_TEMPLATES.path()).queryParam("saved")
                .queryParam("locale", chosen).queryParam("kind", k.name()).build().toUriString();
    }

    /** The saved template as sent (in the page's frame). */
    @GetMapping("/dashboard/settings/email-templates/preview")
    ResponseEntity<String> savedEmailPreview(Actor actor, @RequestParam(required = false) @Nullable String locale,
                                             @RequestParam(required = false) @Nullable String kind, HttpServletRequest request) {
        SettingsPage.EMAIL_TEMPLATES.require(actor);
        String chosen = locale(actor, locale);
        EmailKind k = kind(kind);
        Map<?, ?> parts = stored(actor, chosen, k);
        return emailPreview(actor, request, chosen, k, part(parts, "Subject"), part(parts, "HTML"), part(parts, "Text"));
    }

    /** The form's (unsaved) template as sent: the Preview button posts the form into the page's frame. */
    @PostMapping("/dashboard/settings/email-templates/preview")
    ResponseEntity<String> emailPreview(Actor actor, @RequestParam(defaultValue = "") String locale,
                                        @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String subject,
                                        @RequestParam(defaultValue = "") String html, @RequestParam(defaultValue = "") String text,
                                        @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                                        HttpServletRequest request) {
        checkForm(actor, SettingsPage.EMAIL_TEMPLATES, request, csrf);
        return emailPreview(actor, request, locale(actor, locale), kind(kind), subject, html, text);
    }

    private ResponseEntity<String> emailPreview(Actor actor, HttpServletRequest request, String locale, EmailKind kind, String subject,
                                                String html, String text) {
        PageText t = pages.text(request);
        CheckedHtml checked = settings.checkFormatting(html);
        EmailPreview preview = notifications.preview(actor.operatorId(), kind, locale, subject, checked.html(), text);
        StringBuilder banner = new StringBuilder("<div style=\"font-family:sans-serif;padding:8px 16px;background:#f3f4f6;color:#111\">");
        banner.append("<p id=\"preview-subject\"><strong>").append(HtmlUtils.htmlEscape(t.t("settings.email.subject")))
                .append(":</strong> ").append(HtmlUtils.htmlEscape(preview.subject())).append("</p>");
        if (checked.refused()) {
            banner.append("<p id=\"preview-refused\" style=\"color:#a40000\">")
                    .append(HtmlUtils.htmlEscape(t.t("settings.terms.refused", String.join("; ", checked.removed())))).append("</p>");
        }
        banner.append("</div>");
        String footer = "<pre id=\"preview-text\" style=\"white-space:pre-wrap;padding:16px;border-top:1px solid #ccc\">"
                + HtmlUtils.htmlEscape(preview.text()) + "</pre>";
        String document = preview.html().replaceFirst("<body([^>]*)>", "<body$1>" + java.util.regex.Matcher.quoteReplacement(banner.toString()))
                .replace("</body>", footer + "</body>").replace("<html>", "<html lang=\"" + locale + "\"><head><meta charset=\"utf-8\"><title>"
                        + HtmlUtils.htmlEscape(preview.subject()) + "</title></head>");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .header("Content-Security-Policy", EMAIL_PREVIEW_POLICY).header("X-Frame-Options", "SAMEORIGIN").body(document);
    }

    private String emailPage(Actor actor, HttpServletRequest request, Model model, @Nullable String error, String locale, EmailKind kind,
                             String subject, String html, String text) {
        PageText t = pages.text(request);
        EmailTemplate fallback = notifications.defaultTemplate(kind, locale);
        model.addAttribute("page", page(request, actor, SettingsPage.EMAIL_TEMPLATES, List.of()));
        model.addAttribute("view", new SettingsViews.EmailView(frame(actor, request, SettingsPage.EMAIL_TEMPLATES, null, error),
                locales(actor, locale), locale, java.util.Arrays.stream(EmailKind.values()).map(k -> new SettingsViews.Choice(k.name(),
                        t.t("settings.email.kind." + k.name()), k == kind)).toList(), kind.name(), subject, html, text,
                fallback.subject(), fallback.html(), fallback.text(),
                UriComponentsBuilder.fromPath("/dashboard/settings/email-templates/preview").queryParam("locale", locale)
                        .queryParam("kind", kind.name()).build().toUriString()));
        return "dashboard/settings-email-templates";
    }

    private Map<?, ?> stored(Actor actor, String locale, EmailKind kind) {
        Map<String, Object> templates = settings.section(actor.operatorId(), Section.EMAIL).templates().getOrDefault(locale, Map.of());
        return templates.get(kind.group()) instanceof Map<?, ?> group && group.get(kind.variant()) instanceof Map<?, ?> parts ? parts : Map.of();
    }

    private static String part(Map<?, ?> parts, String key) {
        return parts.get(key) instanceof String s ? s : "";
    }

    private static void putIfGiven(Map<String, Object> parts, String key, String value) {
        if (!value.isBlank()) {
            parts.put(key, value);
        }
    }

    private static EmailKind kind(@Nullable String kind) {
        for (EmailKind k : EmailKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return EmailKind.WELCOME;
    }

    /** The chosen locale when the operator supports it, else its first. */
    private String locale(Actor actor, @Nullable String locale) {
        Map<String, String> supported = settings.section(actor.operatorId(), Section.LOCALES).supported();
        return locale != null && supported.containsKey(locale) ? locale : supported.keySet().iterator().next();
    }

    private List<SettingsViews.Choice> locales(Actor actor, String chosen) {
        return settings.section(actor.operatorId(), Section.LOCALES).supported().entrySet().stream()
                .map(e -> new SettingsViews.Choice(e.getKey(), e.getValue(), e.getKey().equals(chosen))).toList();
    }
}
