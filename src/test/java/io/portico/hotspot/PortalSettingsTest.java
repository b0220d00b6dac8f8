package io.portico.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.portico.platform.PorticoException;

/** Portal settings validate themselves, naming the field at fault in the hotspot module's words. */
class PortalSettingsTest {

    private static PortalSettings settings(GatewayKind kind, Set<SignInMethod> methods, Map<SignInMethod, Long> plans,
                                           Set<String> required, Set<String> optional, Optional<String> site) {
        return new PortalSettings(kind, methods, plans, required, optional, site);
    }

    private static void assertField(Runnable build, String field) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(PorticoException.class,
                e -> assertThat(e.field()).contains(field));
    }

    @Test
    void keepsFieldsInFormOrderAndDropsPlansOfMethodsNotOffered() {
        PortalSettings s = settings(GatewayKind.MIKROTIK, Set.of(SignInMethod.FORM, SignInMethod.VOUCHER),
                Map.of(SignInMethod.FORM, 7L), Set.of("custom2", "email"), Set.of("country"), Optional.empty());
        assertThat(s.requiredFields()).containsExactly("email", "custom2");
        assertThat(s.freePlanId(SignInMethod.FORM)).contains(7L);
        assertThat(s.freePlanId(SignInMethod.VOUCHER)).isEmpty();
        assertThat(s.asks("country")).isTrue();
        assertThat(s.asks("phone")).isFalse();

        PortalSettings unused = settings(GatewayKind.MIKROTIK, Set.of(SignInMethod.VOUCHER),
                Map.of(SignInMethod.CLICK_THROUGH, 7L), Set.of(), Set.of(), Optional.empty());
        assertThat(unused.freePlanIds()).isEmpty();
    }

    @Test
    void refusesWhatCannotWork() {
        assertField(() -> settings(null, Set.of(SignInMethod.VOUCHER), Map.of(), Set.of(), Set.of(), Optional.empty()), "gatewayKind");
        assertField(() -> settings(GatewayKind.MIKROTIK, Set.of(), Map.of(), Set.of(), Set.of(), Optional.empty()), "methods");
        assertField(() -> settings(GatewayKind.MIKROTIK, Set.of(SignInMethod.CLICK_THROUGH), Map.of(), Set.of(), Set.of(),
                Optional.empty()), "freePlanIds");
        assertField(() -> settings(GatewayKind.MIKROTIK, Set.of(SignInMethod.VOUCHER), Map.of(SignInMethod.VOUCHER, 1L),
                Set.of(), Set.of(), Optional.empty()), "freePlanIds");
        assertField(() -> settings(GatewayKind.MIKROTIK, Set.of(SignInMethod.VOUCHER), Map.of(), Set.of("shoeSize"), Set.of(),
                Optional.empty()), "requiredFields");
        assertField(() -> settings(GatewayKind.MIKROTIK, Set.of(SignInMethod.VOUCHER), Map.of(), Set.of("email"),
                Set.of("email"), Optional.empty()), "optionalFields");
        assertField(() -> settings(GatewayKind.UNIFI, Set.of(SignInMethod.VOUCHER), Map.of(), Set.of(), Set.of(),
                Optional.empty()), "unifiSite");
        assertField(() -> settings(GatewayKind.UNIFI, Set.of(SignInMethod.VOUCHER), Map.of(), Set.of(), Set.of(),
                Optional.of("../admin")), "unifiSite");
        assertField(() -> settings(GatewayKind.COOVACHILLI, Set.of(SignInMethod.VOUCHER), Map.of(), Set.of(), Set.of(),
                Optional.of("default")), "unifiSite");
    }

    @Test
    void secretsBelongToTheirGatewayKindAndNeverShowInText() {
        PortalSettings mikrotik = settings(GatewayKind.MIKROTIK, Set.of(SignInMethod.VOUCHER), Map.of(), Set.of(), Set.of(),
                Optional.empty());
        assertField(() -> new PortalConfiguration(mikrotik, Optional.of("uam"), Optional.empty()), "uamSecret");
        UniFiController controller = new UniFiController(URI.create("https://unifi.example.net"), Optional.of("u"),
                Optional.of("very-secret-password"), Optional.empty(), Optional.empty());
        assertField(() -> new PortalConfiguration(mikrotik, Optional.empty(), Optional.of(controller)), "unifiControllerUrl");
        assertThat(controller.toString()).doesNotContain("very-secret-password");
        assertThat(controller.integration()).isFalse();
        assertField(() -> new UniFiController(URI.create("ftp://unifi.example.net"), Optional.of("u"), Optional.of("p"),
                Optional.empty(), Optional.empty()), "unifiControllerUrl");
        assertField(() -> new UniFiController(URI.create("https://unifi.example.net"), Optional.of("u"), Optional.empty(),
                Optional.empty(), Optional.empty()), "unifiControllerUser");
        assertField(() -> new UniFiController(URI.create("https://unifi.example.net"), Optional.empty(), Optional.empty(),
                Optional.of("key"), Optional.empty()), "unifiIntegrationSiteId");
    }

    @Test
    void unifiAccessNormalisesMacs() {
        UniFiGuestAccess access = new UniFiGuestAccess("02-AB-00-00-00-01", 5, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("942A.6FD0.3057"));
        assertThat(access.mac()).isEqualTo("02:ab:00:00:00:01");
        assertThat(access.apMac()).contains("94:2a:6f:d0:30:57");
        assertThatThrownBy(() -> new UniFiGuestAccess("nope", 5, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())).isInstanceOf(PorticoException.class);
    }
}
