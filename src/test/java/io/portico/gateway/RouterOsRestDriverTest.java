package io.portico.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.portico.gateway.internal.RouterOsDriverFactory;
import io.portico.support.LoopbackParts;

class RouterOsRestDriverTest {

    RouterOsSimulator router;
    GatewayDriver driver;
    GatewayTarget target;

    @BeforeEach
    void setUp() throws Exception {
        router = new RouterOsSimulator("portico", "s3cret-api-pass");
        driver = RouterOsDriverFactory.forTests(Duration.ofSeconds(2));
        target = new GatewayTarget(router.baseUrl(), "portico", "s3cret-api-pass", "bridge1");
    }

    @AfterEach
    void tearDown() {
        router.close();
    }

    private static VlanCommand enable(int vlan) {
        return new VlanCommand(vlan, true, new VlanCommand.Speed(250_000, 500_000));
    }

    @Test
    void enablingCreatesTheVlanOnTheBridgeAndItsSpeedQueue() {
        CommandOutcome outcome = driver.apply(target, enable(1513));

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.changed()).isTrue();
        var vlan = router.items("interface/vlan").get("portico-vlan1513");
        assertThat(vlan).containsEntry("vlan-id", "1513").containsEntry("interface", "bridge1").containsEntry("disabled", "false");
        var queue = router.items("queue/simple").get("portico-vlan1513");
        assertThat(queue).containsEntry("target", "portico-vlan1513").containsEntry("max-limit", "250000k/500000k");
    }

    @Test
    void reApplyingTheSameCommandWritesNothing() {
        driver.apply(target, enable(1513));
        long writes = router.writes();

        CommandOutcome again = driver.apply(target, enable(1513));

        assertThat(again.success()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(router.writes()).isEqualTo(writes);
    }

    @Test
    void disablingDisablesTheVlanAndQueueAndIsIdempotentToo() {
        driver.apply(target, enable(1097));

        CommandOutcome off = driver.apply(target, new VlanCommand(1097, false, null));
        assertThat(off.success()).isTrue();
        assertThat(off.changed()).isTrue();
        assertThat(router.items("interface/vlan").get("portico-vlan1097")).containsEntry("disabled", "true");
        assertThat(router.items("queue/simple").get("portico-vlan1097")).containsEntry("disabled", "true");

        long writes = router.writes();
        assertThat(driver.apply(target, new VlanCommand(1097, false, null)).changed()).isFalse();
        assertThat(router.writes()).isEqualTo(writes);
    }

    @Test
    void reEnablingADisabledVlanPatchesItAndUpdatesAChangedSpeed() {
        driver.apply(target, enable(20));
        driver.apply(target, new VlanCommand(20, false, null));

        CommandOutcome outcome = driver.apply(target, new VlanCommand(20, true, new VlanCommand.Speed(1000, 2000)));

        assertThat(outcome.changed()).isTrue();
        assertThat(router.items("interface/vlan")).hasSize(1);
        assertThat(router.items("interface/vlan").get("portico-vlan20")).containsEntry("disabled", "false");
        assertThat(router.items("queue/simple").get("portico-vlan20")).containsEntry("max-limit", "1000k/2000k").containsEntry("disabled", "false");
        assertThat(router.requests()).anyMatch(r -> r.startsWith("PATCH /rest/interface/vlan/*"));
    }

    @Test
    void disablingAVlanTheGatewayNeverHadChangesNothing() {
        CommandOutcome outcome = driver.apply(target, new VlanCommand(300, false, null));
        assertThat(outcome.success()).isTrue();
        assertThat(outcome.changed()).isFalse();
        assertThat(router.writes()).isZero();
    }

    @Test
    void wrongCredentialsAreAFailedOutcomeWith401() {
        var wrong = new GatewayTarget(router.baseUrl(), "portico", "wrong", "bridge1");
        CommandOutcome outcome = driver.apply(wrong, enable(10));

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isEqualTo(401);
        assertThat(outcome.error()).isEqualTo("Unauthorized");
        assertThat(router.items("interface/vlan")).isEmpty();
    }

    @Test
    void routerErrorBodiesAreReportedWithTheirDetail() {
        router.failWith(503);
        CommandOutcome outcome = driver.apply(target, enable(10));
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isEqualTo(503);
        assertThat(outcome.error()).isEqualTo("Service Unavailable");

        router.failWith(0);
        assertThat(driver.apply(target, enable(10)).success()).isTrue();
    }

    @Test
    void anUnreachableGatewayIsAFailedOutcomeNotAnException() throws Exception {
        CommandOutcome outcome;
        try (var refusing = new LoopbackParts.RefusingPort()) {
            var nowhere = new GatewayTarget(URI.create("http://127.0.0.1:" + refusing.port()), "a", "b", "bridge");
            outcome = driver.apply(nowhere, enable(10));
        }
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.statusCode()).isZero();
        assertThat(outcome.error()).startsWith("Gateway unreachable");
    }

    @Test
    void theCredentialsNeverAppearInTheTargetsText() {
        assertThat(target.toString()).doesNotContain("s3cret-api-pass");
    }
}
