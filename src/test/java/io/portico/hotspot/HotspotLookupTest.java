package io.portico.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.PorticoIntegrationTest;

/** Lookups RADIUS makes per request are cached, and this node's own changes show at once. */
@PorticoIntegrationTest
class HotspotLookupTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    HotspotService hotspots;

    @Test
    void aChangedNasIdentifierShowsAtOnceOnThisNode() {
        GuestWorld world = new GuestWorld(context, "Cache Inn");
        String newNas = "renamed-" + Fixtures.unique();
        assertThat(hotspots.findByNasIdentifier(world.operator.id(), newNas)).isEmpty(); // a remembered miss
        Hotspot hotspot = world.hotspot("Lobby");
        assertThat(hotspots.findByNasIdentifier(world.operator.id(), hotspot.nasIdentifier())).map(Hotspot::id).contains(hotspot.id());
        assertThat(hotspots.find(world.operator.id(), hotspot.id())).map(Hotspot::name).contains("Lobby");

        Actor actor = new Actor(world.operator.id(), 1, "staff@example.com", "", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
        Hotspot renamed = hotspots.update(actor, hotspot.id(), new NewHotspot(world.client.id(), world.venue.id(), "Lobby East", newNas));

        assertThat(hotspots.findByNasIdentifier(world.operator.id(), hotspot.nasIdentifier())).isEmpty();
        assertThat(hotspots.findByNasIdentifier(world.operator.id(), newNas)).map(Hotspot::name).contains(renamed.name());
        assertThat(hotspots.find(world.operator.id(), hotspot.id())).map(Hotspot::name).contains("Lobby East");
        assertThat(hotspots.find(world.operator.id() + 1_000_000, hotspot.id())).isEmpty();
    }
}
