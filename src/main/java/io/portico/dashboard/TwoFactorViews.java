package io.portico.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The two-factor account page's model, public for the precompiled template. */
public final class TwoFactorViews {

    private TwoFactorViews() {
    }

    /**
     * @param enrolmentSecret the Base32 secret while enrolling (shown once), with its QR code as SVG
     * @param recoveryCodes   shown once, right after confirming or renewing
     */
    public record AccountView(boolean enabled, boolean requiredByOperator, boolean mustEnrol, int recoveryCodesLeft,
                              boolean canRequire, @Nullable String enrolmentSecret, @Nullable String enrolmentQrSvg,
                              List<String> recoveryCodes, @Nullable String error, @Nullable String notice) {
    }

    /** The sign-in's second step: the sealed challenge travels in a hidden field. */
    public record CodeStepView(String challenge, String next, @Nullable String error) {
    }
}
