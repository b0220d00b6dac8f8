package io.portico.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.portico.platform.web.PageText;

/**
 * What the layout of every dashboard page needs: language and texts, the operator's and the
 * signed-in administrator's names, the navigation the administrator's roles allow, the form token
 * for this session, and the page's own stylesheets and scripts (all static files: the CSP allows
 * no inline script or style).
 *
 * @param formToken null on pages without a session (sign-in, errors before sign-in)
 */
public record DashboardPage(String lang, PageText text, String title, @Nullable String operatorName,
                            @Nullable String administrator, List<NavLink> navigation, @Nullable String formToken,
                            List<String> stylesheets, List<String> scripts, List<LanguageLink> languages) {

    public boolean signedIn() {
        return administrator != null;
    }

    /** The hidden form field's name ({@code _csrf}). */
    public String formField() {
        return io.portico.platform.web.FormGuard.FIELD;
    }

    /** One navigation link; {@code current} marks the page being shown. */
    public record NavLink(String key, String label, String href, boolean current) {
    }

    /** One entry of the language switcher. */
    public record LanguageLink(String code, String name, String href, boolean current) {
    }
}
