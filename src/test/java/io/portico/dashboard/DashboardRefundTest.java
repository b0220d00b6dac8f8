package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.guest.MacAddress;
import io.portico.guest.Purchase;
import io.portico.hotspot.GatewayKind;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.payment.GuestCheckoutRequest;
import io.portico.payment.GuestCheckouts;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.StripeFake;
import io.portico.support.TestClock;
import tools.jackson.databind.node.ObjectNode;

/** The guest profile's Refund button: shown for card purchases when refunds are on; it refunds and ends the plan. */
@PorticoIntegrationTest
class DashboardRefundTest {

    static final String SIGNING_SECRET = "whsec_dashboard_refund_0123456789";

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired OperatorSettingsService settings;
    @Autowired GuestCheckouts checkouts;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    final StripeFake stripe = StripeFake.shared();

    private Purchase paidPurchase(PortalWorld world, boolean refunds, String mac) {
        settings.initialise(world.world.operator.id(), Section.SHOPPING_CART, new Sections.ShoppingCart(true, "", "", refunds, -1, -1),
                Map.of(SecretName.STRIPE_SECRET_KEY, "sk_test_dashboard_0123456789", SecretName.STRIPE_SIGNING_SECRET, SIGNING_SECRET));
        MacAddress device = MacAddress.parse(mac);
        URI pay = checkouts.start(new GuestCheckoutRequest(world.world.operator.id(), world.world.client.id(), world.hotspot.id(),
                device, world.dayPlan.id(), Optional.empty(), "en-us", "http://portal.example/paid", "http://portal.example/"));
        ObjectNode paid = stripe.pay(pay.getPath().substring("/pay/".length()));
        assertThat(stripe.deliver("http://127.0.0.1:" + port + "/payments/stripe/webhook/" + world.world.operator.id(),
                stripe.event("checkout.session.completed", paid, clock.instant()), SIGNING_SECRET, clock).statusCode()).isEqualTo(200);
        return world.world.plans().activePlanForDevice(world.world.client.id(), device, clock.instant().plusSeconds(1))
                .orElseThrow().purchase();
    }

    @Test
    void staffRefundACardPurchaseFromTheGuestsProfile() {
        PortalWorld world = new PortalWorld(context, "Refund " + Fixtures.unique(), GatewayKind.MIKROTIK);
        Purchase purchase = paidPurchase(world, true, "02-D0-00-00-00-01");
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS));
        String page = http.get("/dashboard/guests/" + purchase.guestId(), "Cookie", session.cookieHeader()).raw();
        assertThat(page).contains("id=\"refund-" + purchase.id() + "\"");

        Http.Response refunded = http.send(http.builder("/dashboard/guests/" + purchase.guestId() + "/purchases/" + purchase.id() + "/refund",
                        "Cookie", session.cookieHeader(), "Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + DashboardSessionTest.formToken(page))).build());

        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(302);
        assertThat(stripe.refundsOf(purchase.transactionId())).hasSize(1);
        assertThat(world.world.plans().findPurchase(world.world.client.id(), purchase.id()).orElseThrow().revokedAt()).isNotNull();
        assertThat(http.get("/dashboard/guests/" + purchase.guestId(), "Cookie", session.cookieHeader()).raw())
                .doesNotContain("id=\"refund-" + purchase.id() + "\"");
    }

    @Test
    void noRefundButtonWhenRefundsAreOff() {
        PortalWorld world = new PortalWorld(context, "No refund " + Fixtures.unique(), GatewayKind.MIKROTIK);
        Purchase purchase = paidPurchase(world, false, "02-D0-00-00-00-02");
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS));

        assertThat(http.get("/dashboard/guests/" + purchase.guestId(), "Cookie", session.cookieHeader()).raw())
                .contains("Stripe").doesNotContain("refund-" + purchase.id());
    }
}
