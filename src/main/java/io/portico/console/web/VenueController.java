package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Management routes for venues, their units and equipment (new in Portico, console style). */
@RestController
@Tag(name = "Console: venues, units and equipment")
class VenueController {

    record AddVenue(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("VenueName") @Nullable String name,
                    @JsonProperty("AddressLine1") @Nullable String line1, @JsonProperty("AddressLine2") @Nullable String line2,
                    @JsonProperty("City") @Nullable String city, @JsonProperty("State") @Nullable String state,
                    @JsonProperty("PostalCode") @Nullable String postalCode,
                    @JsonProperty("Country.ISO3166A3") @Nullable String country,
                    @JsonProperty("TimeZone") @Nullable String timeZone,
                    @JsonProperty("externalVenueID") @Nullable String externalId) {
    }

    record UpdateVenue(@JsonProperty("VenueID") @Nullable String venueKey, @JsonProperty("VenueName") @Nullable String name,
                       @JsonProperty("AddressLine1") @Nullable String line1, @JsonProperty("AddressLine2") @Nullable String line2,
                       @JsonProperty("City") @Nullable String city, @JsonProperty("State") @Nullable String state,
                       @JsonProperty("PostalCode") @Nullable String postalCode,
                       @JsonProperty("Country.ISO3166A3") @Nullable String country,
                       @JsonProperty("TimeZone") @Nullable String timeZone,
                       @JsonProperty("externalVenueID") @Nullable String externalId) {
    }

    record AddUnit(@JsonProperty("VenueID") @Nullable String venueKey, @JsonProperty("UnitID") @Nullable String unitId,
                   @JsonProperty("UnitBuilding") @Nullable String building, @JsonProperty("UnitFloor") @Nullable String floor,
                   @JsonProperty("purpose") @Nullable String purpose, @JsonProperty("vlan") @Nullable Integer vlan,
                   @JsonProperty("externalVenueUnitID") @Nullable String externalId) {
    }

    record UpdateUnit(@JsonProperty("UnitID_internal") @Nullable String unitKey, @JsonProperty("purpose") @Nullable String purpose,
                      @JsonProperty("vlan") @Nullable Integer vlan, @JsonProperty("externalVenueUnitID") @Nullable String externalId) {
    }

    record EquipmentRequest(@JsonProperty("VenueID") @Nullable String venueKey, @JsonProperty("EquipmentID") @Nullable String equipmentKey,
                            @JsonProperty("EquipmentName") @Nullable String name, @JsonProperty("EquipmentType") @Nullable String type,
                            @JsonProperty("Manufacturer") @Nullable String manufacturer, @JsonProperty("Model") @Nullable String model,
                            @JsonProperty("ConnectionProtocol") @Nullable String protocol, @JsonProperty("IPAddress") @Nullable String ip,
                            @JsonProperty("Username") @Nullable String username, @JsonProperty("Password") @Nullable String password,
                            @JsonProperty("Status") @Nullable String status) {

        EquipmentDetails details() {
            EquipmentType t = EquipmentType.fromLabel(type == null ? "" : type).orElseThrow(() -> PorticoException.invalid(
                    "EquipmentType", "EquipmentType must be one of Gateway, Switch, Access Point, Other."));
            return new EquipmentDetails(t, manufacturer, model, protocol, ip, username, password, status);
        }
    }

    record ConfirmVlan(@JsonProperty("EquipmentID") @Nullable String equipmentKey, @JsonProperty("vlan") @Nullable Integer vlan,
                       @JsonProperty("Enabled") @Nullable Boolean enabled) {
    }

    private final VenueService venues;
    private final UnitService units;
    private final EquipmentService equipment;

    VenueController(VenueService venues, UnitService units, EquipmentService equipment) {
        this.venues = venues;
        this.units = units;
        this.equipment = equipment;
    }

    @PostMapping("/preview/networkoperatorconsole/venues/listVenues")
    @Operation(summary = "Lists the operator's venues with their units")
    Map<String, Object> listVenues(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        List<Map<String, Object>> list = venues.list(actor).stream().map(v -> {
            Map<String, Object> m = venue(v);
            m.put("Units", units.listByVenue(actor.operatorId(), v.id()).stream().map(VenueController::unit).toList());
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "");
        out.put("Venues", list);
        out.put("VenueCount", list.size());
        out.put("errorProcessing", false);
        return out;
    }

    @PostMapping("/preview/networkoperatorconsole/venues/addVenue")
    @Operation(summary = "Adds a venue of a client", description = "Required: ClientID, VenueName, AddressLine1, City, State, PostalCode, "
            + "Country.ISO3166A3 (ISO alpha-3), TimeZone (IANA). Roles: DomainAdministrators, AccountManagers.")
    Map<String, Object> addVenue(Actor actor, @RequestBody AddVenue r) {
        if (r.clientId() == null) {
            throw PorticoException.invalid("ClientID", "ClientID is required.");
        }
        Venue v = venues.add(actor, new NewVenue(r.clientId(), r.name(), new Address(r.line1(), r.line2(), r.city(), r.state(),
                r.postalCode(), r.country()), NewVenue.zone(r.timeZone()), r.externalId()));
        Map<String, Object> out = venue(v);
        out.put("message", "Venue added: " + v.key() + ". ");
        out.put("errorProcessing", false);
        return out;
    }

    @PostMapping("/preview/networkoperatorconsole/venues/updateVenue")
    @Operation(summary = "Replaces a venue's name, address, time zone and externalVenueID (its VenueID stays)",
            description = "Fields left out keep their value. Roles: DomainAdministrators, AccountManagers.")
    Map<String, Object> updateVenue(Actor actor, @RequestBody UpdateVenue r) {
        if (r.venueKey() == null || r.venueKey().isBlank()) {
            throw PorticoException.invalid("VenueID", "VenueID is required.");
        }
        Venue current = venues.findByKey(actor.operatorId(), r.venueKey().strip())
                .orElseThrow(() -> PorticoException.notFound("Unknown VenueID " + r.venueKey() + "."));
        Address a = current.address();
        Venue v = venues.update(actor, current.key(), or(r.name(), current.name()), new Address(or(r.line1(), a.line1()),
                or(r.line2(), a.line2()), or(r.city(), a.city()), or(r.state(), a.state()), or(r.postalCode(), a.postalCode()),
                or(r.country(), a.country())), r.timeZone() == null ? current.timeZone() : NewVenue.zone(r.timeZone()),
                or(r.externalId(), current.externalVenueId()));
        Map<String, Object> out = venue(v);
        out.put("message", "Venue updated: " + v.key() + ". ");
        out.put("errorProcessing", false);
        return out;
    }

    private static String or(@Nullable String given, String current) {
        return given != null ? given : current;
    }

    @PostMapping("/preview/networkoperatorconsole/units/addUnit")
    @Operation(summary = "Adds a unit to a venue", description = "Required: VenueID, UnitID, UnitBuilding, UnitFloor. purpose: wiredunit "
            + "(default), localwireless or globalroaming. Without vlan, the lowest free VLAN of the operator's range for the purpose "
            + "is assigned; a given vlan must be free in the venue (409 otherwise).")
    Map<String, Object> addUnit(Actor actor, @RequestBody AddUnit r) {
        Unit u = units.add(actor, r.venueKey() == null ? "" : r.venueKey(), new NewUnit(r.unitId(), r.building(), r.floor(),
                purpose(r.purpose(), UnitPurpose.WIRED_UNIT), r.vlan(), r.externalId()));
        Map<String, Object> out = unit(u);
        out.put("message", "Unit added: " + u.key() + " with vlan " + u.vlan() + ". ");
        out.put("errorProcessing", false);
        return out;
    }

    @PostMapping("/preview/networkoperatorconsole/units/updateUnit")
    @Operation(summary = "Changes a unit's purpose, vlan or externalVenueUnitID (UnitID_internal stays)")
    Map<String, Object> updateUnit(Actor actor, @RequestBody UpdateUnit r) {
        if (r.unitKey() == null || r.unitKey().isBlank()) {
            throw PorticoException.invalid("UnitID_internal", "UnitID_internal is required.");
        }
        Unit u = units.update(actor, r.unitKey().strip(), r.purpose() == null ? null : purpose(r.purpose(), null), r.vlan(), r.externalId());
        Map<String, Object> out = unit(u);
        out.put("message", "Unit updated. ");
        out.put("errorProcessing", false);
        return out;
    }

    @PostMapping("/preview/networkoperatorconsole/equipment/addEquipment")
    @Operation(summary = "Adds equipment at a venue", description = "Required: VenueID, EquipmentName, EquipmentType (Gateway, Switch, "
            + "Access Point, Other), Manufacturer, Model, ConnectionProtocol, IPAddress. Password is stored encrypted and never returned. "
            + "DomainAdministrators only.")
    Map<String, Object> addEquipment(Actor actor, @RequestBody EquipmentRequest r) {
        Equipment e = equipment.add(actor, r.venueKey() == null ? "" : r.venueKey(), r.name() == null ? "" : r.name(), r.details());
        return equipmentBody("Equipment added. ", e);
    }

    @PostMapping("/preview/networkoperatorconsole/equipment/updateEquipment")
    @Operation(summary = "Replaces equipment details", description = "EquipmentID names it; Password replaces the stored credentials "
            + "when given (empty removes them). DomainAdministrators only.")
    Map<String, Object> updateEquipment(Actor actor, @RequestBody EquipmentRequest r) {
        if (r.equipmentKey() == null || r.equipmentKey().isBlank()) {
            throw PorticoException.invalid("EquipmentID", "EquipmentID is required.");
        }
        return equipmentBody("Equipment updated. ", equipment.update(actor, r.equipmentKey().strip(), r.details()));
    }

    @PostMapping("/preview/networkoperatorconsole/equipment/listEquipment")
    @Operation(summary = "Lists the operator's equipment (never credentials)")
    Map<String, Object> listEquipment(Actor actor, @RequestBody(required = false) @Nullable Empty body) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", "");
        out.put("Equipment", equipment.list(actor).stream().map(e -> {
            Map<String, Object> m = EquipmentWire.render(e);
            m.put("HasCredentials", e.hasCredentials());
            return m;
        }).toList());
        out.put("errorProcessing", false);
        return out;
    }

    @PostMapping("/preview/networkoperatorconsole/equipment/gateway/confirmGatewayVLAN")
    @Operation(summary = "Confirms by hand that a VLAN is enabled (Enabled true) or disabled on a gateway",
            description = "For gateways Portico cannot drive; updates the pending VLAN lists. DomainAdministrators only.")
    Map<String, Object> confirmVlan(Actor actor, @RequestBody ConfirmVlan r) {
        if (r.equipmentKey() == null || r.vlan() == null || r.enabled() == null) {
            throw PorticoException.invalid("EquipmentID, vlan and Enabled are required.");
        }
        equipment.confirmVlanState(actor, r.equipmentKey().strip(), r.vlan(), r.enabled());
        return Map.of("message", "VLAN " + r.vlan() + (r.enabled() ? " confirmed enabled. " : " confirmed disabled. "),
                "errorProcessing", false);
    }

    private static Map<String, Object> equipmentBody(String message, Equipment e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", message);
        out.putAll(EquipmentWire.render(e));
        out.put("HasCredentials", e.hasCredentials());
        out.put("errorProcessing", false);
        return out;
    }

    private static UnitPurpose purpose(@Nullable String code, @Nullable UnitPurpose fallback) {
        if (code == null || code.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
        }
        return UnitPurpose.fromCode(code == null ? "" : code.strip()).orElseThrow(() -> PorticoException.invalid("purpose",
                "purpose must be wiredunit, localwireless or globalroaming."));
    }

    private static Map<String, Object> venue(Venue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("VenueID", v.key());
        m.put("VenueName", v.name());
        m.put("AddressLine1", v.address().line1());
        m.put("AddressLine2", v.address().line2());
        m.put("City", v.address().city());
        m.put("State", v.address().state());
        m.put("PostalCode", v.address().postalCode());
        m.put("Country.ISO3166A3", v.address().country());
        m.put("TimeZone", v.timeZone().getId());
        m.put("externalVenueID", v.externalVenueId());
        return m;
    }

    private static Map<String, Object> unit(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("UnitID_internal", u.key());
        m.put("UnitID", u.name());
        m.put("UnitBuilding", u.building());
        m.put("UnitFloor", u.floor());
        m.put("purpose", u.purpose().code());
        m.put("vlan", u.vlan());
        m.put("externalVenueUnitID", u.externalUnitId());
        return m;
    }
}
