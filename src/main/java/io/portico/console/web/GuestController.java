package io.portico.console.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.guest.Guest;
import io.portico.guest.GuestPlanService;
import io.portico.guest.GuestProfile;
import io.portico.guest.GuestService;
import io.portico.guest.MacAddress;
import io.portico.guest.Purchase;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Management routes for guests and their guest plan purchases: create, update, unsubscribe, erase
 * (privacy request), CSV export, grant and revoke plans. New in Portico; named in the console's style.
 */
@RestController
@RequestMapping("/preview/networkoperatorconsole/guests")
@Tag(name = "Console: guests")
class GuestController {

    /** A guest body: addGuest needs MACAddress, updateGuest GuestID; the profile fields replace the stored ones. */
    record GuestBody(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("GuestID") @Nullable Long guestId,
                     @JsonProperty("MACAddress") @Nullable String macAddress, @JsonProperty("Email") @Nullable String email,
                     @JsonProperty("FirstName") @Nullable String firstName, @JsonProperty("LastName") @Nullable String lastName,
                     @JsonProperty("DisplayName") @Nullable String displayName,
                     @JsonProperty("ProfileURL") @Nullable String profileUrl,
                     @JsonProperty("MobilePhone") @Nullable String mobilePhone,
                     @JsonProperty("Birthdate") @Nullable String birthdate, @JsonProperty("Gender") @Nullable String gender,
                     @JsonProperty("Country") @Nullable String country, @JsonProperty("Region") @Nullable String region,
                     @JsonProperty("City") @Nullable String city, @JsonProperty("Address") @Nullable String address,
                     @JsonProperty("PostalCode") @Nullable String postalCode,
                     @JsonProperty("Custom1") @Nullable String custom1, @JsonProperty("Custom2") @Nullable String custom2,
                     @JsonProperty("Custom3") @Nullable String custom3, @JsonProperty("Custom4") @Nullable String custom4,
                     @JsonProperty("Custom5") @Nullable String custom5, @JsonProperty("Custom6") @Nullable String custom6,
                     @JsonProperty("Custom7") @Nullable String custom7, @JsonProperty("Custom8") @Nullable String custom8,
                     @JsonProperty("Custom9") @Nullable String custom9, @JsonProperty("Custom10") @Nullable String custom10) {

        GuestProfile profile() {
            LocalDate birth = null;
            if (birthdate != null && !birthdate.isBlank()) {
                try {
                    birth = LocalDate.parse(birthdate.strip());
                } catch (DateTimeParseException e) {
                    throw PorticoException.invalid("Birthdate", "Birthdate must be yyyy-mm-dd.");
                }
            }
            return new GuestProfile(email, firstName, lastName, displayName, profileUrl, mobilePhone, birth, gender, country,
                    region, city, address, postalCode, java.util.Arrays.asList(custom1, custom2, custom3, custom4, custom5,
                    custom6, custom7, custom8, custom9, custom10), null);
        }
    }

    record GuestRef(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("GuestID") @Nullable Long guestId) {
        long client() {
            return GuestConsoleFields.required("ClientID", clientId);
        }

        long guest() {
            return GuestConsoleFields.required("GuestID", guestId);
        }
    }

    record Unsubscribe(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("GuestID") @Nullable Long guestId,
                       @JsonProperty("Unsubscribed") @Nullable Boolean unsubscribed) {
    }

    record Export(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("Unsubscribed") @Nullable Boolean unsubscribed) {
    }

    record Grant(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("GuestID") @Nullable Long guestId,
                 @JsonProperty("GuestPlanID") @Nullable Long guestPlanId) {
    }

    record PurchaseRef(@JsonProperty("ClientID") @Nullable Long clientId, @JsonProperty("PurchaseID") @Nullable Long purchaseId) {
    }

    static final List<String> CSV_COLUMNS = List.of("id", "guest_token", "macaddress", "email", "first_name", "last_name",
            "display_name", "mobile_phone", "birthdate", "gender", "country", "region", "city", "address", "postal_code",
            "custom1", "custom2", "custom3", "custom4", "custom5", "custom6", "custom7", "custom8", "custom9", "custom10",
            "unsubscribed", "created_utc");

    private final GuestService guests;
    private final GuestPlanService plans;

    GuestController(GuestService guests, GuestPlanService plans) {
        this.guests = guests;
        this.plans = plans;
    }

    @PostMapping("/addGuest")
    @Operation(summary = "Adds a guest (one per device MAC per client)")
    Map<String, @Nullable Object> add(Actor actor, @RequestBody GuestBody body) {
        if (body.guestId() != null) {
            throw PorticoException.invalid("GuestID", "GuestID is assigned by Portico; use updateGuest to change a guest.");
        }
        if (body.macAddress() == null) {
            throw PorticoException.invalid("MACAddress", "MACAddress is required.");
        }
        Guest guest = guests.create(actor, GuestConsoleFields.required("ClientID", body.clientId()),
                MacAddress.parse(body.macAddress()), body.profile());
        return GuestConsoleFields.ok("Guest added: " + guest.id() + ". ", guest(guest));
    }

    @PostMapping("/updateGuest")
    @Operation(summary = "Replaces a guest's profile fields (absent fields become empty)")
    Map<String, @Nullable Object> update(Actor actor, @RequestBody GuestBody body) {
        if (body.macAddress() != null) {
            throw PorticoException.invalid("MACAddress", "A guest's MACAddress cannot change; add a new guest instead.");
        }
        Guest guest = guests.update(actor, GuestConsoleFields.required("ClientID", body.clientId()),
                GuestConsoleFields.required("GuestID", body.guestId()), body.profile());
        return GuestConsoleFields.ok("Guest " + guest.id() + " updated. ", guest(guest));
    }

    @PostMapping("/unsubscribeGuest")
    @Operation(summary = "Unsubscribes a guest from marketing (Unsubscribed false subscribes again)")
    Map<String, @Nullable Object> unsubscribe(Actor actor, @RequestBody Unsubscribe body) {
        Guest guest = guests.setUnsubscribed(actor, GuestConsoleFields.required("ClientID", body.clientId()),
                GuestConsoleFields.required("GuestID", body.guestId()), body.unsubscribed() == null || body.unsubscribed());
        return GuestConsoleFields.ok("Guest " + guest.id() + (guest.unsubscribed() ? " unsubscribed. " : " subscribed. "), guest(guest));
    }

    @PostMapping("/eraseGuest")
    @Operation(summary = "Erases a guest (privacy request)", description = "Deletes the profile and its purchases; its connections stay in reports, anonymised.")
    Map<String, @Nullable Object> erase(Actor actor, @RequestBody GuestRef body) {
        guests.erase(actor, body.client(), body.guest());
        return GuestConsoleFields.ok("Guest " + body.guest() + " erased. ", Map.of());
    }

    @PostMapping("/getGuest")
    @Operation(summary = "Gets one guest with its guest plan purchases")
    Map<String, @Nullable Object> get(Actor actor, @RequestBody GuestRef body) {
        Map<String, @Nullable Object> fields = guest(guests.get(actor, body.client(), body.guest()));
        fields.put("Purchases", plans.listPurchases(actor, body.client(), body.guest()).stream()
                .map(GuestController::purchase).toList());
        return GuestConsoleFields.ok("", fields);
    }

    @PostMapping("/exportGuestsCSV")
    @Operation(summary = "Exports a client's guests as CSV (streamed, newest first)",
            description = "Answers text/csv; Unsubscribed true|false filters. Cells starting with = + - @ are prefixed with ' against spreadsheet formula injection.")
    ResponseEntity<StreamingResponseBody> export(Actor actor, @RequestBody Export body) {
        long clientId = GuestConsoleFields.required("ClientID", body.clientId());
        guests.authorizeExport(actor, clientId);
        StreamingResponseBody stream = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(String.join(",", CSV_COLUMNS) + "\r\n");
            guests.forEachGuest(clientId, body.unsubscribed(), guest -> {
                try {
                    writer.write(csvLine(guest));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"guests-" + clientId + ".csv\"")
                .body(stream);
    }

    static String csvLine(Guest g) {
        GuestProfile p = g.profile();
        List<@Nullable Object> cells = new ArrayList<>(List.of(g.id(), g.token(), g.macAddress().value()));
        cells.addAll(java.util.Arrays.asList(p.email(), p.firstName(), p.lastName(), p.displayName(), p.mobilePhone(),
                p.birthdate(), p.gender(), p.country(), p.region(), p.city(), p.address(), p.postalCode()));
        cells.addAll(p.custom());
        cells.add(g.unsubscribed());
        cells.add(ConsoleFormats.iso(g.createdAt()));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvCell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String csvCell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    @PostMapping("/grantGuestPlan")
    @Operation(summary = "Grants a guest a guest plan starting now (payment gateway Manual)")
    Map<String, @Nullable Object> grant(Actor actor, @RequestBody Grant body) {
        Purchase p = plans.grant(actor, GuestConsoleFields.required("ClientID", body.clientId()),
                GuestConsoleFields.required("GuestID", body.guestId()), GuestConsoleFields.required("GuestPlanID", body.guestPlanId()));
        return GuestConsoleFields.ok("Guest plan granted. ", purchase(p));
    }

    @PostMapping("/revokeGuestPlan")
    @Operation(summary = "Revokes a guest plan purchase; it expires now")
    Map<String, @Nullable Object> revoke(Actor actor, @RequestBody PurchaseRef body) {
        Purchase p = plans.revoke(actor, GuestConsoleFields.required("ClientID", body.clientId()),
                GuestConsoleFields.required("PurchaseID", body.purchaseId()));
        return GuestConsoleFields.ok("Guest plan purchase " + p.id() + " revoked. ", purchase(p));
    }

    private static Map<String, @Nullable Object> guest(Guest g) {
        GuestProfile p = g.profile();
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("GuestID", g.id());
        m.put("ClientID", g.clientId());
        m.put("GuestToken", g.token().toString());
        m.put("MACAddress", g.macAddress().value());
        m.put("Email", p.email());
        m.put("FirstName", p.firstName());
        m.put("LastName", p.lastName());
        m.put("DisplayName", p.displayName());
        m.put("ProfileURL", p.profileUrl());
        m.put("MobilePhone", p.mobilePhone());
        m.put("Birthdate", p.birthdate() == null ? null : p.birthdate().toString());
        m.put("Gender", p.gender());
        m.put("Country", p.country());
        m.put("Region", p.region());
        m.put("City", p.city());
        m.put("Address", p.address());
        m.put("PostalCode", p.postalCode());
        for (int i = 1; i <= GuestProfile.CUSTOM_FIELDS; i++) {
            m.put("Custom" + i, p.custom(i));
        }
        m.put("Unsubscribed", g.unsubscribed());
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(g.createdAt()));
        return m;
    }

    private static Map<String, @Nullable Object> purchase(Purchase p) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("PurchaseID", p.id());
        m.put("GuestID", p.guestId());
        m.put("GuestPlanID", p.guestPlanId());
        m.put("StartDateTimeUTC.ISO8601", ConsoleFormats.iso(p.startsAt()));
        m.put("EndDateTimeUTC.ISO8601", ConsoleFormats.iso(p.expiresAt()));
        m.put("PaymentGateway", p.paymentGateway());
        m.put("TransactionID", p.transactionId());
        m.put("RevokedUTC.ISO8601", p.revokedAt() == null ? null : ConsoleFormats.iso(p.revokedAt()));
        return m;
    }
}
