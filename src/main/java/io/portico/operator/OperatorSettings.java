package io.portico.operator;

import java.util.List;
import java.util.Map;

/**
 * The whole configuration of one operator as the console's listOperatorDetails shows it. Secrets
 * appear only masked ({@link io.portico.platform.SecretBox#mask}); absent ones as empty strings.
 */
public record OperatorSettings(long operatorId, String operatorKey, String operatorName, Sections.Profile profile,
                               Sections.SignOn signOn, Sections.Pms pms, Sections.PlanDefaults planDefaults,
                               Sections.Network network, Sections.Notifications notifications,
                               Sections.Reporting reporting, Sections.ShoppingCart shoppingCart,
                               Map<String, Object> display, Map<String, String> supportedLocales,
                               Map<String, String> termsAndConditions, List<Sections.Certificate> certificates,
                               Sections.Email email, Map<SecretName, String> maskedSecrets) {

    public OperatorSettings {
        maskedSecrets = Map.copyOf(maskedSecrets);
    }

    /** The masked secret, or "" when none is set. */
    public String masked(SecretName name) {
        return maskedSecrets.getOrDefault(name, "");
    }
}
