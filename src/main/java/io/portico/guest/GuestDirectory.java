package io.portico.guest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.guest.persistence.GuestRepository;
import io.portico.guest.persistence.GuestSearchRepository;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;

/**
 * The dashboard's guest directory: search by MAC, email or name across the operator's clients
 * (keyset-paged, index-backed), a guest by id, the overview's daily guest figures, and the guests'
 * CSV file ({@link GuestCsv}) streamed out and read back in: an import validates every line and
 * writes nothing when any line is wrong, naming the lines.
 */
@Service
public class GuestDirectory {

    /** At most this many lines per import: the whole file is validated before anything is written. */
    public static final int MAX_IMPORT_ROWS = 50_000;

    private final GuestSearchRepository search;
    private final GuestRepository guests;
    private final GuestService service;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GuestDirectory(GuestSearchRepository search, GuestRepository guests, GuestService service, ApplicationEventPublisher events,
                   Clock clock) {
        this.search = search;
        this.guests = guests;
        this.service = service;
        this.events = events;
        this.clock = clock;
    }

    /** Up to {@code limit} guests matching the term, newest first, after the keyset; one more tells there is a next page. */
    @Transactional(readOnly = true)
    public List<Guest> search(Actor actor, Optional<Long> clientId, String term, Optional<Long> beforeId, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("a search page holds 1 to 200 guests");
        }
        return search.search(actor.operatorId(), clientId, term.strip(), beforeId, limit);
    }

    @Transactional(readOnly = true)
    public Guest get(Actor actor, long guestId) {
        actor.require(Permission.READ_CONFIGURATION);
        return search.find(actor.operatorId(), guestId).orElseThrow(() -> PorticoException.notFound("Unknown guest " + guestId + "."));
    }

    /** New guests and plan sign-ins of each day (the instants start each local day; the last ends the window). */
    @Transactional(readOnly = true)
    public List<long[]> daily(Actor actor, Optional<Long> clientId, List<Instant> dayStarts) {
        actor.require(Permission.READ_CONFIGURATION);
        return search.daily(actor.operatorId(), clientId, dayStarts);
    }

    /** Streams the client's guests as CSV, newest first, without holding them in memory. */
    @Transactional(readOnly = true)
    public void exportCsv(Actor actor, long clientId, Writer out) {
        service.authorizeExport(actor, clientId);
        try {
            GuestCsv.writeHeader(out);
            service.forEachGuest(clientId, null, guest -> {
                try {
                    GuestCsv.write(out, guest);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an import did: guests added, guests changed, lines that were already identical. */
    public record ImportResult(int added, int updated, int unchanged) {
    }

    /**
     * Reads a CSV file into the client's guests: a new MAC adds a guest, a known one gets the file's
     * profile and marketing flag. Every line is checked first; with any error nothing is written and
     * the 400 lists the lines.
     */
    @Transactional
    public ImportResult importCsv(Actor actor, long clientId, Reader in) {
        actor.require(Permission.MANAGE_GUESTS);
        service.requireClient(actor, clientId);
        List<GuestCsv.Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        GuestCsv.read(in, rows, errors);
        Map<MacAddress, Integer> seen = new HashMap<>();
        for (GuestCsv.Row row : rows) {
            Integer first = seen.putIfAbsent(row.mac(), row.line());
            if (first != null) {
                errors.add("Line " + row.line() + ": " + row.mac() + " is already on line " + first + ".");
            }
        }
        if (rows.size() > MAX_IMPORT_ROWS) {
            errors.add("The file has " + rows.size() + " guests; import at most " + MAX_IMPORT_ROWS + " at a time.");
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(GuestDirectory::lineOf));
            throw PorticoException.invalid("Nothing was imported. " + String.join(" ", errors.subList(0, Math.min(errors.size(), 50)))
                    + (errors.size() > 50 ? " (" + (errors.size() - 50) + " more errors)" : ""));
        }
        Instant now = clock.instant();
        Map<MacAddress, Guest> existing = new HashMap<>();
        List<MacAddress> macs = rows.stream().map(GuestCsv.Row::mac).toList();
        for (int i = 0; i < macs.size(); i += 500) {
            guests.findByMacs(clientId, macs.subList(i, Math.min(macs.size(), i + 500))).forEach(g -> existing.put(g.macAddress(), g));
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (GuestCsv.Row row : rows) {
            Guest known = existing.get(row.mac());
            if (known == null) {
                Guest guest = guests.insert(new Guest(0, clientId, UUID.randomUUID(), row.mac(), row.profile(), row.unsubscribed(), now, now));
                events.publishEvent(GuestCreated.of(guest, service.client(clientId)));
                added++;
            } else {
                GuestProfile profile = row.profile().withUserAgentFrom(known.profile());
                if (profile.equals(known.profile()) && row.unsubscribed() == known.unsubscribed()) {
                    unchanged++;
                } else {
                    guests.update(new Guest(known.id(), clientId, known.token(), known.macAddress(), profile, row.unsubscribed(),
                            known.createdAt(), now));
                    updated++;
                }
            }
        }
        events.publishEvent(AdministratorActed.by(actor, "/dashboard/guests/import", Map.of("message", "Guests imported from CSV: "
                + added + " added, " + updated + " updated, " + unchanged + " unchanged."), now));
        return new ImportResult(added, updated, unchanged);
    }

    private static int lineOf(String error) {
        int space = error.indexOf(':');
        try {
            return error.startsWith("Line ") ? Integer.parseInt(error.substring(5, space)) : Integer.MAX_VALUE;
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
