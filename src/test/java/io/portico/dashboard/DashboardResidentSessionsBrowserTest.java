package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.radius.internal.ResidentGateway;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.LoopbackNas;
import io.portico.support.LoopbackRadius;
import io.portico.support.PorticoIntegrationTest;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;

/**
 * Residents in the dashboard's live sessions, through real RADIUS (radclient): a resident's device
 * joins a venue gateway with its subscription's key and starts accounting; staff find it filtered by
 * its unit (with the subscriber's email, venue and unit, and without the guests online at the
 * venue's hotspot), disconnect it (done once the NAS ACKs and the Stop arrives) and see it gone after
 * its Stop. Another operator's resident online at the same moment never shows.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardResidentSessionsBrowserTest {

    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    @RegisterExtension
    static final LoopbackRadius radius = new LoopbackRadius();

    @BeforeAll
    void start() {
        io.portico.support.Radclient.requireInstalled();
    }

    @Test
    void aResidentsSessionIsListedByItsUnitDisconnectedAndGoneAfterItsStop() throws Exception {
        try (var world = new DashboardWorld(context, "Residents " + Fixtures.unique(), LoopbackNas.DISCONNECT_ACK);
             var other = new DashboardWorld(context, "Elsewhere " + Fixtures.unique(), LoopbackNas.DISCONNECT_ACK)) {
            Unit unit = unit(world, "R" + Fixtures.unique().substring(0, 4));
            Unit neighbour = unit(world, "N" + Fixtures.unique().substring(0, 4));
            IssuedKey resident = subscribe(world, unit);
            IssuedKey next = subscribe(world, neighbour);
            IssuedKey stranger = subscribe(other, unit(other, "S" + Fixtures.unique().substring(0, 4)));
            String phone = world.mac(40);
            String neighbourPhone = world.mac(41);
            String strangerPhone = other.mac(42);
            String guestPhone = world.mac(43);
            try (var gateway = gateway(world, "gwr-" + Fixtures.unique());
                 var otherGateway = gateway(other, "gwo-" + Fixtures.unique());
                 var browser = Browser.start()) {
                assertThat(gateway.accepts(phone, resident.subscription().psk())).isTrue();
                assertThat(gateway.accepts(neighbourPhone, next.subscription().psk())).isTrue();
                assertThat(otherGateway.accepts(strangerPhone, stranger.subscription().psk())).isTrue();
                String session = "RS-" + Fixtures.unique();
                gateway.accounting("Start", session, phone, "Framed-IP-Address = 10.20.0.7");
                gateway.accounting("Start", "RN-" + Fixtures.unique(), neighbourPhone);
                otherGateway.accounting("Start", "RO-" + Fixtures.unique(), strangerPhone);
                assertThat(world.accounting(radius, "Start", guestPhone, "RG-" + Fixtures.unique()).received("Accounting-Response")).isTrue();

                DashboardWorld.signIn(browser, port, world.admin);
                browser.waitForText("Busiest hotspots");
                browser.click(By.id("nav-sessions"));
                browser.waitForText(phone);
                // Guests and residents together; the other operator's resident never.
                assertThat(browser.text()).contains("Online now: 3", guestPhone, neighbourPhone, resident.subscriber().email(), "Resident")
                        .doesNotContain(strangerPhone);

                new Select(browser.find(By.id("filter-venue"))).selectByValue(Long.toString(world.guests.venue.id()));
                browser.clickAndWaitForPage(By.cssSelector("form.filters button[type='submit']"));
                browser.waitForText(guestPhone);
                new Select(browser.find(By.id("filter-unit"))).selectByValue(Long.toString(unit.id()));
                browser.clickAndWaitForPage(By.cssSelector("form.filters button[type='submit']"));
                browser.waitForText(phone);
                assertThat(browser.text()).contains("Online now: 1", resident.subscriber().email(), world.guests.venue.name(),
                        "Unit " + unit.name(), "10.20.0.7").doesNotContain(guestPhone, neighbourPhone, strangerPhone);
                assertThat(browser.accessibilityProblems()).isEmpty();
                browser.screenshot("dashboard-sessions-resident");

                browser.click(By.cssSelector("button[id^='disconnect-']"));
                browser.driver().switchTo().alert().accept();
                browser.waitForText("ACKed, waiting for the Stop");
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> gateway.disconnectRequests() >= 1);
                assertThat(gateway.lastDisconnectRequest()).contains(session);
                assertThat(browser.text()).as("the list keeps its filter").contains(phone).doesNotContain(guestPhone);

                gateway.accounting("Stop", session, phone, "Acct-Session-Time = 90", "Acct-Terminate-Cause = Admin-Reset");
                // htmx refreshes the list every 5 s: the stopped session leaves without a reload.
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !browser.text().contains(resident.subscriber().email())
                        && browser.text().contains("Done (ACK and Stop)"));
                assertThat(browser.text()).contains("Online now: 0");
            }
        }
    }

    private ResidentGateway gateway(DashboardWorld world, String nasIdentifier) throws java.io.IOException {
        var equipment = context.getBean(EquipmentService.class).add(world.guests.operator.id(), world.guests.venue.key(),
                "GW-" + Fixtures.unique(), new EquipmentDetails(EquipmentType.GATEWAY, "Mikrotik", "1036", "https", "203.0.113.14",
                        "admin", "router-password", "In Service"));
        return ResidentGateway.start(context, world.guests.operator.id(), equipment.id(), nasIdentifier);
    }

    private Unit unit(DashboardWorld world, String name) {
        return context.getBean(UnitService.class).add(world.guests.operator.id(), world.guests.venue.key(),
                new NewUnit(name, "1", "2", UnitPurpose.WIRED_UNIT, null, ""));
    }

    private IssuedKey subscribe(DashboardWorld world, Unit unit) {
        ServicePlan plan = context.getBean(PlanService.class).add(world.guests.operator.id(), new PlanChanges("Home " + Fixtures.unique(),
                100_000L, 20_000L, 10, true, false, "Home plan", "", null, "", "", 0, 730.5, java.util.List.of("USD"),
                java.util.Map.of("USD", 0L), 0, 0, 3600));
        return context.getBean(SubscriptionService.class).addKey(world.guests.operator.id(), new NewKey(unit.key(), plan.key(),
                new SubscriberDetails("res-" + Fixtures.unique().toLowerCase() + "@example.com", "Rita", "Mar", "+15551230000", "en-us",
                        false, true), null, null, null));
    }
}
