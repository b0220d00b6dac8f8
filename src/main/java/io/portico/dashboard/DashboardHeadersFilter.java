package io.portico.dashboard;

import io.portico.platform.web.PageHeadersFilter;

/**
 * Security headers of every dashboard response. The Content-Security-Policy allows scripts,
 * styles, images and fetches from Portico only (no inline script or style attribute: the pages
 * use static files, and htmx is told not to inject its indicator style), forms and frames (the
 * settings' previews) from Portico only, and no framing by others. Pages are never cached: they show a signed-in administrator's data.
 */
class DashboardHeadersFilter extends PageHeadersFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    DashboardHeadersFilter() {
        super(CONTENT_SECURITY_POLICY, "same-origin", DashboardWebConfiguration.STATIC_PATH);
    }
}
