package io.portico.dashboard;

/**
 * What one printed voucher shows: the code, the guest plan, its validity in words, and the
 * portal address its QR code opens with the code filled in.
 */
record VoucherCard(String code, String plan, String validity, String portalUrl) {
}
