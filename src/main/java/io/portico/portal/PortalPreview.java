package io.portico.portal;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.platform.web.PageText;
import io.portico.platform.web.ThemeStyles;

/**
 * The real sign-in page of the portal drawn with a look that is not saved yet: the dashboard's
 * branding page shows it in a frame while the operator picks colours and a logo. The same
 * template, stylesheet and terms as a guest sees; the forms lead nowhere (no gateway, no state).
 */
@Component
public class PortalPreview {

    /** Unsaved branding: the logo (https only is shown), DisplayConfiguration and the brand colour. */
    public record Draft(@Nullable String logoUrl, Map<String, Object> display, String brandColour) {
        public Draft {
            display = Map.copyOf(display);
            brandColour = brandColour == null ? "" : brandColour;
        }
    }

    private final PortalPages pages;
    private final OperatorSettingsService settings;

    PortalPreview(PortalPages pages, OperatorSettingsService settings) {
        this.pages = pages;
        this.settings = settings;
    }

    /** Fills the model of the sign-in page for the operator with the draft look and returns its view name. */
    public String signInPage(Model model, long operatorId, Draft draft, @Nullable String lang, String brand, String themeUrl,
                             String self) {
        PortalLook look = PortalLook.of(settings.section(operatorId, Section.LOCALES).supported(), draft.logoUrl(),
                draft.display(), draft.brandColour());
        String language = look.locales().containsKey(lang) ? lang : look.locales().keySet().iterator().next();
        PortalPage page = pages.page(look, language, "signin.title", brand, themeUrl, self);
        PageText text = page.text();
        model.addAttribute("page", page);
        model.addAttribute("view", new SignInView("#", "", language, text.t("signin.welcome", brand),
                pages.terms(operatorId, language).orElse(null), true, true, true,
                List.of(new SignInView.Field("email", SignInProblems.label(text, "email"), "email", "email", true, null)),
                null, null, "#", List.of(), false, null));
        return "portal/signin";
    }

    /** The draft's theme stylesheet (colour values only, as the portal's own). */
    public String themeCss(Draft draft) {
        return ThemeStyles.css(draft.display(), draft.brandColour());
    }

    /** The portal's Content-Security-Policy for a preview shown in a frame of Portico's own pages. */
    public static String framedContentSecurityPolicy() {
        return PortalHeadersFilter.CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
                + "; form-action 'none'";
    }
}
