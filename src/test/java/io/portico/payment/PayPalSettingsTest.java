package io.portico.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.portico.hotspot.GatewayKind;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;

/**
 * The PayPal settings a DomainAdministrator changes on the dashboard: malformed values and PayPal
 * without credentials are refused, a blank secret keeps the stored one, removing the credentials
 * turns the mode back to "not configured", and other roles change nothing.
 */
@PorticoIntegrationTest
class PayPalSettingsTest {

    @Autowired ApplicationContext context;
    @Autowired PaymentService payments;
    @Autowired OperatorSettingsService settings;

    @Test
    void checksTheValuesKeepsBlankSecretsAndRemovesThemOnRequest() {
        PortalWorld world = new PortalWorld(context, "PayPal Settings " + Fixtures.unique(), GatewayKind.MIKROTIK);
        Actor admin = world.admin;
        long operatorId = world.world.operator.id();

        assertThatThrownBy(() -> payments.configurePayPal(admin, new PayPalSettingsChange(true, true, null, null, null, false)))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT));
        assertThatThrownBy(() -> new PayPalSettingsChange(false, true, "AYvalidclient01", null, "bad id!", false))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.field()).contains("paypalWebhookId"));

        payments.configurePayPal(admin, new PayPalSettingsChange(true, false, "AYvalidclient01", "EPvalidsecret01", "8PT597110X687430L",
                false));
        assertThat(payments.status(operatorId).paypalMode()).isEqualTo(PaymentMode.LIVE);
        PayPalSettings kept = payments.configurePayPal(admin, new PayPalSettingsChange(true, true, "", " ", null, false));
        assertThat(kept).isEqualTo(new PayPalSettings(true, true, true, true, true));
        assertThat(settings.secret(operatorId, SecretName.PAYPAL_CLIENT_SECRET)).contains("EPvalidsecret01");
        assertThat(payments.status(operatorId).paypalMode()).isEqualTo(PaymentMode.TEST);

        Actor manager = new Actor(operatorId, 2, "am@example.com", "", Set.of(Role.ACCOUNT_MANAGERS), RequestOrigin.SYSTEM);
        assertThatThrownBy(() -> payments.configurePayPal(manager, new PayPalSettingsChange(false, true, null, null, null, true)))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));

        assertThat(payments.configurePayPal(admin, new PayPalSettingsChange(false, true, null, null, null, true)))
                .isEqualTo(new PayPalSettings(false, true, false, false, false));
        assertThat(payments.status(operatorId).paypalMode()).isEqualTo(PaymentMode.NOT_CONFIGURED);
    }
}
