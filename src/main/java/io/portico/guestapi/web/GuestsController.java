package io.portico.guestapi.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.portico.connection.ConnectionReader;
import io.portico.guest.Guest;
import io.portico.guest.GuestProfile;
import io.portico.guest.GuestService;
import io.portico.hotspot.Hotspot;
import io.portico.identity.ClientPrincipal;
import io.portico.platform.PorticoException;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JsonGenerator;

/** {@code /v2/guests/get} (one guest profile by token) and {@code /v2/zapier/client/guests} (all guests, streamed). */
@RestController
@Tag(name = "Guest API v2")
class GuestsController {

    private final GuestService guests;
    private final TenantService tenants;
    private final ConnectionReader connections;
    private final JsonArrayStream stream;

    GuestsController(GuestService guests, TenantService tenants, ConnectionReader connections, JsonArrayStream stream) {
        this.guests = guests;
        this.tenants = tenants;
        this.connections = connections;
        this.stream = stream;
    }

    @GetMapping("/v2/guests/get")
    @Operation(summary = "Gets a guest profile by guest token", description = "404 for unknown tokens and other clients' guests.")
    Map<String, @Nullable Object> get(ClientPrincipal principal, @RequestParam("guest_token") String guestToken) {
        Guest guest = parseToken(guestToken).flatMap(token -> guests.findByToken(principal.clientId(), token))
                .orElseThrow(() -> PorticoException.notFound("Unknown guest token."));
        Client client = tenants.findClient(principal.clientId()).orElseThrow();
        GuestProfile p = guest.profile();
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        for (int i = 1; i <= GuestProfile.CUSTOM_FIELDS; i++) {
            body.put("custom" + i, p.custom(i));
        }
        Map<String, Object> clientMap = new LinkedHashMap<>();
        clientMap.put("id", client.id());
        clientMap.put("company", client.company());
        body.put("client", clientMap);
        Map<String, @Nullable Object> profile = new LinkedHashMap<>();
        profile.put("firstname", p.firstName());
        profile.put("lastname", p.lastName());
        profile.put("email", p.email());
        profile.put("mobilephone", p.mobilePhone());
        profile.put("birthdate", p.birthdate() == null ? null : p.birthdate().toString());
        profile.put("macaddress", guest.macAddress().value());
        profile.put("gender", p.gender());
        profile.put("country", p.country());
        profile.put("region", p.region());
        profile.put("city", p.city());
        profile.put("address", p.address());
        profile.put("postal_code", p.postalCode());
        body.put("profile", profile);
        body.put("last_connection", connections.lastHotspot(principal.operatorId(), principal.clientId(), guest.id())
                .map(GuestsController::lastConnection).orElse(null));
        body.put("unsubscribed", guest.unsubscribed());
        return body;
    }

    private static Map<String, String> lastConnection(Hotspot hotspot) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", hotspot.name());
        m.put("nasidentifier", hotspot.nasIdentifier());
        return m;
    }

    private static java.util.Optional<UUID> parseToken(String token) {
        try {
            return java.util.Optional.of(UUID.fromString(token.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @GetMapping("/v2/zapier/client/guests")
    @Operation(summary = "Lists all guests of the client, newest first (streamed)",
            description = "unsubscribed true|false filters. Ids are stable integers; Zapier de-duplicates by id.")
    ResponseEntity<StreamingResponseBody> list(ClientPrincipal principal,
                                               @RequestParam(required = false) @Nullable String unsubscribed) {
        Boolean filter = GuestApiParameters.optionalBoolean("unsubscribed", unsubscribed);
        long clientId = principal.clientId();
        return stream.<Guest>of(sink -> guests.forEachGuest(clientId, filter, sink), GuestsController::write);
    }

    private static void write(JsonGenerator json, Guest guest) {
        GuestProfile p = guest.profile();
        json.writeStartObject();
        json.writeNumberProperty("id", guest.id());
        json.writeStringProperty("macaddress", guest.macAddress().value());
        json.writeStringProperty("email", p.email());
        json.writeStringProperty("profile_url", p.profileUrl());
        json.writeStringProperty("display_name", p.displayName());
        json.writeStringProperty("first_name", p.firstName());
        json.writeStringProperty("last_name", p.lastName());
        json.writeStringProperty("country", p.country());
        json.writeStringProperty("region", p.region());
        json.writeStringProperty("city", p.city());
        json.writeStringProperty("address", p.address());
        json.writeStringProperty("gender", p.gender());
        json.writeStringProperty("postal_code", p.postalCode());
        json.writeStringProperty("birthdate", p.birthdate() == null ? null : p.birthdate().toString());
        json.writeStringProperty("mobile_phone", p.mobilePhone());
        for (int i = 1; i <= GuestProfile.CUSTOM_FIELDS; i++) {
            json.writeStringProperty("custom" + i, p.custom(i));
        }
        json.writeBooleanProperty("unsubscribed", guest.unsubscribed());
        json.writeEndObject();
    }
}
