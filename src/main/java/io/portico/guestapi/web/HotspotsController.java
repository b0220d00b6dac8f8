package io.portico.guestapi.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.portico.hotspot.HotspotService;
import io.portico.identity.ClientPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /v2/zapier/client/dropdown/hotspots}: the client's hotspots for Zapier's dropdown. */
@RestController
@Tag(name = "Guest API v2")
class HotspotsController {

    private final HotspotService hotspots;

    HotspotsController(HotspotService hotspots) {
        this.hotspots = hotspots;
    }

    @GetMapping("/v2/zapier/client/dropdown/hotspots")
    @Operation(summary = "Lists the client's hotspots", description = "[{\"id\": <int>, \"name\": \"...\"}], sorted by name.")
    List<Map<String, Object>> list(ClientPrincipal client) {
        return hotspots.listByClient(client.clientId()).stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("name", h.name());
            return m;
        }).toList();
    }
}
