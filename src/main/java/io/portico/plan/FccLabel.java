package io.portico.plan;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/** The FCC broadband consumer label of a plan; empty strings where the operator gives none. */
public record FccLabel(String planId, long typicalUploadKbps, long typicalDownloadKbps, String privacyPolicyUrl,
                       String networkManagementPolicyUrl, String dataPolicyUrl, String bundleDiscountUrl,
                       String supportUrl) {

    public static final FccLabel NONE = new FccLabel("", 0, 0, "", "", "", "", "");

    public FccLabel {
        planId = Text.atMost("fccPlanId", planId, 100);
        privacyPolicyUrl = Text.atMost("privacyPolicyUrl", privacyPolicyUrl, 2000);
        networkManagementPolicyUrl = Text.atMost("networkManagementPolicyUrl", networkManagementPolicyUrl, 2000);
        dataPolicyUrl = Text.atMost("dataPolicyUrl", dataPolicyUrl, 2000);
        bundleDiscountUrl = Text.atMost("bundleDiscountUrl", bundleDiscountUrl, 2000);
        supportUrl = Text.atMost("supportUrl", supportUrl, 2000);
        if (typicalUploadKbps < 0 || typicalUploadKbps > PlanTerms.MAX_KBPS) {
            throw PorticoException.invalid("typicalUploadKbps", "{typicalUploadKbps} must be between 0 and 100000000.");
        }
        if (typicalDownloadKbps < 0 || typicalDownloadKbps > PlanTerms.MAX_KBPS) {
            throw PorticoException.invalid("typicalDownloadKbps", "{typicalDownloadKbps} must be between 0 and 100000000.");
        }
    }
}
