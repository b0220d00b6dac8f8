package io.portico.subscriberconsole;

import io.portico.platform.web.PageHeadersFilter;

/**
 * Security headers of every subscriber console response: a strict Content-Security-Policy (scripts,
 * styles and fetches from Portico only, never inline; images also as data: URIs for QR codes and
 * from https for operator logos; forms post to Portico only; no framing), no MIME sniffing, no
 * referrer (a password link's token must not leak), and pages never cached: they show a resident's data.
 */
class SubscriberConsoleHeadersFilter extends PageHeadersFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * The sign-up form's policy (and My plan's where residents pay online): the same without
     * {@code form-action}, because Chromium applies that to the redirect after the form is sent,
     * and a paid plan's sign-up or plan change ends on Stripe Checkout
     * (whose URL Stripe's API gives). As on the portal, the pages have no inline script to abuse it.
     */
    static final String SIGNUP_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("form-action 'self'; ", "");

    SubscriberConsoleHeadersFilter() {
        super(CONTENT_SECURITY_POLICY, "no-referrer", SubscriberPages.STATIC_PATH);
    }
}
