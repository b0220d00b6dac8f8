package io.portico.portal;

import io.portico.platform.web.PageHeadersFilter;

/**
 * Security headers of every portal response. The Content-Security-Policy allows no script at all
 * (the pages need none), styles and images from Portico only (logos may also come over https),
 * and no framing. It sets no {@code form-action}: Chromium applies that to the redirect after a
 * form is sent, and sign-in must end at the gateway's own login URL.
 */
class PortalHeadersFilter extends PageHeadersFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data: https:; "
            + "base-uri 'none'; frame-ancestors 'none'";

    PortalHeadersFilter() {
        super(CONTENT_SECURITY_POLICY, "no-referrer", null);
    }
}
