package io.portico.hotspot;

/**
 * How a guest may sign in on a hotspot's captive portal: accept the terms, fill the form (the
 * operator's required and optional fields), or redeem a voucher code.
 */
public enum SignInMethod {
    CLICK_THROUGH, FORM, VOUCHER
}
