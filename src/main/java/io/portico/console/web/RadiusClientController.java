package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentService;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.radius.NasClient;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Console routes for RADIUS clients (NAS): the gateways and hotspot controllers allowed to send
 * Access- and Accounting-Requests, each with its source address or network and shared secret.
 * New in Portico; named in the console's style. DomainAdministrators only. The shared secret is
 * accepted on add and never returned: listings show a fixed mask.
 */
@RestController
@RequestMapping("/preview/networkoperatorconsole/radius")
@Tag(name = "Console: RADIUS clients")
class RadiusClientController {

    static final String MASK = "********";

    record AddClient(@JsonProperty("Name") @Nullable String name, @JsonProperty("Network") @Nullable String network,
                     @JsonProperty("NASIdentifier") @Nullable String nasIdentifier,
                     @JsonProperty("SharedSecret") @Nullable String sharedSecret,
                     @JsonProperty("HotspotID") @Nullable Long hotspotId, @JsonProperty("EquipmentID") @Nullable String equipmentId,
                     @JsonProperty("CoAPort") @Nullable Integer coaPort) {
    }

    record ClientRef(@JsonProperty("RADIUSClientID") @Nullable Long id) {
    }

    private final RadiusService radius;
    private final EquipmentService equipment;

    RadiusClientController(RadiusService radius, EquipmentService equipment) {
        this.radius = radius;
        this.equipment = equipment;
    }

    @PostMapping("/addClient")
    @Operation(summary = "Registers a RADIUS client (NAS)", description = "Name, Network (an IPv4/IPv6 address or CIDR network), "
            + "SharedSecret (8 to 128 characters; never returned), an optional NASIdentifier telling NASes behind one address apart, "
            + "and what it serves: HotspotID (guest authorisation) and/or EquipmentID (a venue gateway, resident authorisation). "
            + "CoAPort defaults to 3799.")
    Map<String, @Nullable Object> add(Actor actor, @RequestBody AddClient request) {
        if (request.hotspotId() == null && (request.equipmentId() == null || request.equipmentId().isBlank())) {
            throw PorticoException.invalid("HotspotID", "HotspotID or EquipmentID is required.");
        }
        Optional<Long> equipmentId = request.equipmentId() == null || request.equipmentId().isBlank() ? Optional.empty()
                : Optional.of(equipment.findByKey(actor.operatorId(), request.equipmentId().strip()).map(Equipment::id)
                        .orElseThrow(() -> PorticoException.notFound("Unknown equipment " + request.equipmentId() + ".")));
        NasClient saved = radius.register(actor, newClient(actor, request, equipmentId));
        return GuestConsoleFields.ok("RADIUS client added: " + saved.name() + ". ", client(actor, saved));
    }

    @PostMapping("/listClients")
    @Operation(summary = "Lists the operator's RADIUS clients; shared secrets are masked")
    Map<String, @Nullable Object> list(Actor actor) {
        List<Map<String, @Nullable Object>> list = radius.clients(actor).stream().map(c -> client(actor, c)).toList();
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("RADIUSClients", list);
        body.put("RADIUSClientCount", list.size());
        return GuestConsoleFields.ok("", body);
    }

    @PostMapping("/removeClient")
    @Operation(summary = "Removes a RADIUS client; its NAS is dropped at once")
    Map<String, @Nullable Object> remove(Actor actor, @RequestBody ClientRef request) {
        long id = GuestConsoleFields.required("RADIUSClientID", request.id());
        radius.remove(actor, id);
        return GuestConsoleFields.ok("RADIUS client " + id + " removed. ", Map.of());
    }

    /** The wire request as a domain record; its own validation failures are 400s naming the field. */
    private static NewNasClient newClient(Actor actor, AddClient r, Optional<Long> equipmentId) {
        NasNetwork network;
        try {
            network = NasNetwork.parse(r.network() == null ? "" : r.network().strip());
        } catch (IllegalArgumentException e) {
            throw PorticoException.invalid("Network", "Network must be an IP address or CIDR network, e.g. 203.0.113.0/24.");
        }
        try {
            return new NewNasClient(actor.operatorId(), r.name() == null ? "" : r.name().strip(), network,
                    r.nasIdentifier() == null ? "" : r.nasIdentifier(), r.sharedSecret() == null ? "" : r.sharedSecret(),
                    Optional.ofNullable(r.hotspotId()), equipmentId, r.coaPort() == null ? 3799 : r.coaPort());
        } catch (IllegalArgumentException e) {
            throw PorticoException.invalid(e.getMessage());
        }
    }

    private Map<String, @Nullable Object> client(Actor actor, NasClient c) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("RADIUSClientID", c.id());
        m.put("Name", c.name());
        m.put("Network", c.network().toString());
        m.put("NASIdentifier", c.nasIdentifier());
        m.put("SharedSecret", MASK);
        m.put("HotspotID", c.hotspotId().orElse(null));
        m.put("EquipmentID", c.equipmentId().flatMap(id -> equipment.find(actor.operatorId(), id)).map(Equipment::key).orElse(null));
        m.put("CoAPort", c.coaPort());
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(c.createdAt()));
        return m;
    }
}
