package io.portico.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.portico.guest.GuestProfile;
import io.portico.guest.MacAddress;
import io.portico.guest.PortalGrant;
import io.portico.guest.PortalSignIn;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.PortalWorld;
import io.portico.support.gateway.UniFiControllerSimulator;
import io.portico.support.gateway.UniFiControllerSimulator.Authorization;

/**
 * A UniFi hotspot's guest is let on server-to-server through the controller (a loopback
 * simulator), with the classic API (login, {@code authorize-guest}, logout) or the integration API
 * (client by MAC, {@code AUTHORIZE_GUEST_ACCESS}), with the plan's minutes and speeds; a refusal
 * or an unreachable controller is a 503 with a message for the guest.
 */
@PorticoIntegrationTest
class UniFiGuestAuthorizationTest {

    @Autowired ApplicationContext context;
    @Autowired HotspotService hotspots;

    private PortalWorld w;
    private String site;
    private UniFiControllerSimulator controller;

    @BeforeEach
    void setUp() throws Exception {
        w = new PortalWorld(context, "UniFi Hotel", GatewayKind.UNIFI);
        PortalSettings settings = hotspots.findPortal(w.hotspot.id()).orElseThrow().settings();
        site = settings.unifiSite().orElseThrow();
        controller = new UniFiControllerSimulator("portico", "controller-password", "api-key-123", site);
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private void useController(Optional<String> username, Optional<String> password, Optional<String> apiKey,
                               Optional<String> integrationSiteId) {
        PortalSettings settings = hotspots.findPortal(w.hotspot.id()).orElseThrow().settings();
        w.portal().configurePortal(w.admin, w.hotspot.id(), new PortalConfiguration(settings, Optional.empty(),
                Optional.of(new UniFiController(controller.url(), username, password, apiKey, integrationSiteId))));
    }

    private PortalGrant signIn(String mac) {
        return w.portal().signIn(new PortalSignIn(w.world.client.id(), w.hotspot.id(), MacAddress.parse(mac),
                io.portico.hotspot.SignInMethod.CLICK_THROUGH, GuestProfile.EMPTY, Optional.empty(), Optional.empty(),
                "Mozilla/5.0", "198.51.100.30"));
    }

    @Test
    void classicApiAuthorizesTheGuestWithThePlansMinutesAndSpeeds() {
        useController(Optional.of("portico"), Optional.of("controller-password"), Optional.empty(), Optional.empty());
        PortalGrant grant = signIn("02-00-00-00-a0-01");
        hotspots.authorizeUniFiGuest(w.hotspot.id(), grant.unifiAccess(MacAddress.parse("02-00-00-00-a0-01"),
                Optional.of("94:2A:6F:D0:30:57")));
        assertThat(controller.authorizations()).containsExactly(new Authorization("classic", site, "02:00:00:00:a0:01", 60,
                Optional.of(2_000L), Optional.of(10_000L), Optional.empty()));
    }

    @Test
    void unifiOsConsoleIsFoundOutAndAuthorizesTheGuestUnderProxyNetworkWithItsCsrfToken() throws Exception {
        try (UniFiControllerSimulator console = UniFiControllerSimulator.unifiOs("portico", "console-password", "key", site)) {
            PortalSettings settings = hotspots.findPortal(w.hotspot.id()).orElseThrow().settings();
            w.portal().configurePortal(w.admin, w.hotspot.id(), new PortalConfiguration(settings, Optional.empty(),
                    Optional.of(new UniFiController(console.url(), Optional.of("portico"), Optional.of("console-password"),
                            Optional.empty(), Optional.empty()))));
            PortalGrant grant = signIn("02-00-00-00-a0-04");

            hotspots.authorizeUniFiGuest(w.hotspot.id(), grant.unifiAccess(MacAddress.parse("02-00-00-00-a0-04"),
                    Optional.empty()));

            assertThat(console.authorizations()).containsExactly(new Authorization("unifi-os", site, "02:00:00:00:a0:04", 60,
                    Optional.of(2_000L), Optional.of(10_000L), Optional.empty()));
            assertThat(console.openSessions()).as("logged out with the rotated CSRF token").isZero();
            assertThat(controller.authorizations()).isEmpty();
        }
    }

    @Test
    void classicControllerStillLogsInAtApiLoginAndLogsOut() {
        useController(Optional.of("portico"), Optional.of("controller-password"), Optional.empty(), Optional.empty());
        PortalGrant grant = signIn("02-00-00-00-a0-05");
        hotspots.authorizeUniFiGuest(w.hotspot.id(), grant.unifiAccess(MacAddress.parse("02-00-00-00-a0-05"), Optional.empty()));
        assertThat(controller.authorizations()).extracting(Authorization::api).containsExactly("classic");
        assertThat(controller.openSessions()).isZero();
    }

    @Test
    void integrationApiFindsTheClientByMacAndAuthorizesIt() {
        useController(Optional.empty(), Optional.empty(), Optional.of("api-key-123"), Optional.of(controller.integrationSiteId()));
        controller.associate("02:00:00:00:a0:02");
        PortalGrant grant = signIn("02-00-00-00-a0-02");
        hotspots.authorizeUniFiGuest(w.hotspot.id(), grant.unifiAccess(MacAddress.parse("02-00-00-00-a0-02"), Optional.empty()));
        assertThat(controller.authorizations()).containsExactly(new Authorization("integration", controller.integrationSiteId(),
                "02:00:00:00:a0:02", 60, Optional.of(2_000L), Optional.of(10_000L), Optional.empty()));
    }

    @Test
    void aRefusalWrongCredentialsOrUnknownDeviceIsA503ForTheGuest() {
        useController(Optional.of("portico"), Optional.of("controller-password"), Optional.empty(), Optional.empty());
        UniFiGuestAccess access = new UniFiGuestAccess("02-00-00-00-a0-03", 30, Optional.empty(), Optional.empty(),
                Optional.of(500L), Optional.empty());
        controller.refuseNext();
        assertUnavailable(access);

        useController(Optional.of("portico"), Optional.of("wrong"), Optional.empty(), Optional.empty());
        assertUnavailable(access);

        useController(Optional.empty(), Optional.empty(), Optional.of("api-key-123"), Optional.of(controller.integrationSiteId()));
        assertUnavailable(access);
        assertThat(controller.authorizations()).isEmpty();

        controller.close();
        assertUnavailable(access);
    }

    private void assertUnavailable(UniFiGuestAccess access) {
        assertThatThrownBy(() -> hotspots.authorizeUniFiGuest(w.hotspot.id(), access))
                .isInstanceOfSatisfying(PorticoException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("could not let your device on");
                });
    }
}
