package io.portico.venue;

import java.time.DateTimeException;
import java.time.ZoneId;

import io.portico.platform.PorticoException;
import io.portico.platform.Text;

/** What it takes to add a venue; validates itself. */
public record NewVenue(long clientId, String name, Address address, ZoneId timeZone, String externalVenueId) {

    public NewVenue {
        name = Text.requiredAtMost("venueName", name, 200);
        externalVenueId = externalVenueId == null ? "" : externalVenueId.strip();
    }

    /** Parses an IANA time zone name such as America/New_York; 400 when unknown. */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            throw PorticoException.invalid("timeZone", "{timeZone} is required (an IANA name such as America/New_York).");
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw PorticoException.invalid("timeZone", "{timeZone} '" + name + "' is not an IANA time zone name.");
        }
    }
}
