package io.portico.plan;

import io.portico.platform.PorticoException;

/** The FCC broadband consumer label of a plan; empty strings where the operator gives none. */
public record FccLabel(String planId, long typicalUploadKbps, long typicalDownloadKbps, String privacyPolicyUrl,
                       String networkManagementPolicyUrl, String dataPolicyUrl, String bundleDiscountUrl,
                       String supportUrl) {

    public static final FccLabel NONE = new FccLabel("", 0, 0, "", "", "", "", "");

    public FccLabel {
        planId = PlanTerms.text("FCCLabel.PlanID", planId, 100);
        privacyPolicyUrl = PlanTerms.text("FCCLabel.PrivacyPolicyURL", privacyPolicyUrl, 2000);
        networkManagementPolicyUrl = PlanTerms.text("FCCLabel.NetworkMgmtPolicyURL", networkManagementPolicyUrl, 2000);
        dataPolicyUrl = PlanTerms.text("FCCLabel.DataPolicyURL", dataPolicyUrl, 2000);
        bundleDiscountUrl = PlanTerms.text("FCCLabel.BundleDiscountURL", bundleDiscountUrl, 2000);
        supportUrl = PlanTerms.text("FCCLabel.SupportURL", supportUrl, 2000);
        if (typicalUploadKbps < 0 || typicalUploadKbps > PlanTerms.MAX_KBPS) {
            throw PorticoException.invalid("FCCLabel.TypicalUploadKbps", "FCCLabel.TypicalUploadKbps must be between 0 and 100000000.");
        }
        if (typicalDownloadKbps < 0 || typicalDownloadKbps > PlanTerms.MAX_KBPS) {
            throw PorticoException.invalid("FCCLabel.TypicalDownloadKbps", "FCCLabel.TypicalDownloadKbps must be between 0 and 100000000.");
        }
    }
}
