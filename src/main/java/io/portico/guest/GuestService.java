package io.portico.guest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.guest.persistence.GuestRepository;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;

/**
 * Entry point for guests: the guest API reads profiles and streams guest lists, the console
 * creates, changes, unsubscribes, erases and exports them, and the RADIUS module finds a guest
 * by MAC or creates one on first sight ({@link #findOrCreate}).
 */
@Service
public class GuestService {

    private final GuestRepository repository;
    private final TenantService tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GuestService(GuestRepository repository, TenantService tenants, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    // ---- RADIUS and captive portal ----

    /** The client's guest for a device; empty when the MAC was never seen at the client. */
    public Optional<Guest> findByMac(long clientId, MacAddress mac) {
        return repository.findByMac(clientId, mac);
    }

    /**
     * The client's guest for a device, created with an empty profile on first sight (the first
     * RADIUS request of an unknown MAC). Idempotent per client and MAC.
     */
    @Transactional
    public Guest findOrCreate(long clientId, MacAddress mac) {
        return repository.findByMac(clientId, mac).orElseGet(() -> insert(clientId, mac, GuestProfile.EMPTY));
    }

    /**
     * The client's guests for many devices, those never seen created with an empty profile, in
     * one statement whatever the number of devices on PostgreSQL when all are new (an insert that
     * skips devices already guests and answers the rows it made), plus one select of the devices
     * that were guests already: an accounting batch's devices. Idempotent per client and
     * MAC, also against other transactions creating the same devices at once: each device gets one
     * guest, and {@link GuestCreated} once, from the transaction that inserted it.
     */
    @Transactional
    public Map<MacAddress, Guest> findOrCreateAll(long clientId, java.util.Collection<MacAddress> macs) {
        // sorted, so concurrent batches insert new devices in one order
        List<MacAddress> distinct = macs.stream().distinct().sorted(java.util.Comparator.comparing(MacAddress::value)).toList();
        Instant now = clock.instant();
        List<Guest> inserted = repository.insertNew(distinct.stream()
                .map(m -> new Guest(0, clientId, UUID.randomUUID(), m, GuestProfile.EMPTY, false, now, now)).toList());
        Map<MacAddress, Guest> found = new java.util.HashMap<>();
        if (!inserted.isEmpty()) {
            Client client = client(clientId);
            for (Guest guest : inserted) {
                found.put(guest.macAddress(), guest);
                events.publishEvent(GuestCreated.of(guest, client));
            }
        }
        // devices that were guests already (or that another transaction made guests meanwhile)
        List<MacAddress> existing = distinct.stream().filter(m -> !found.containsKey(m)).toList();
        for (Guest guest : repository.findByMacs(clientId, existing)) {
            found.put(guest.macAddress(), guest);
        }
        return found;
    }

    /**
     * The first-seen devices of an accounting batch (by client) as guests for the connection
     * module's one statement, {@link FirstSeenGuests}: new tokens, created now, sorted by client
     * and MAC so concurrent batches insert in one order. Nothing is written here.
     */
    public FirstSeenGuests firstSeen(Map<Long, ? extends java.util.Collection<MacAddress>> macsByClient) {
        Instant now = clock.instant();
        List<Guest> guests = macsByClient.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream().distinct().sorted(java.util.Comparator.comparing(MacAddress::value))
                        .map(m -> new Guest(0, e.getKey(), UUID.randomUUID(), m, GuestProfile.EMPTY, false, now, now)))
                .toList();
        return new FirstSeenGuests(guests);
    }

    /**
     * {@link GuestCreated} for each guest the caller's {@link FirstSeenGuests} statement inserted,
     * in the caller's transaction (the webhook outbox writes its rows there).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void firstSeenCreated(List<FirstSeenGuests.Created> created) {
        for (FirstSeenGuests.Created c : created) {
            events.publishEvent(GuestCreated.of(c.guest(), c.client()));
        }
    }

    /**
     * The captive portal's record of a sign-in: creates the device's guest with the profile
     * (publishing {@link GuestCreated}) or lays the profile over the stored one. A new guest starts
     * {@code unsubscribed} as given (no marketing consent, no marketing).
     */
    @Transactional
    Guest recordPortalProfile(long clientId, MacAddress mac, GuestProfile profile, boolean newGuestUnsubscribed) {
        Optional<Guest> existing = repository.findByMac(clientId, mac);
        if (existing.isEmpty()) {
            Instant now = clock.instant();
            Guest guest = repository.insert(new Guest(0, clientId, UUID.randomUUID(), mac, profile, newGuestUnsubscribed, now, now));
            events.publishEvent(GuestCreated.of(guest, client(clientId)));
            return guest;
        }
        Guest old = existing.get();
        Guest updated = new Guest(old.id(), clientId, old.token(), mac, profile.over(old.profile()), old.unsubscribed(),
                old.createdAt(), clock.instant());
        repository.update(updated);
        return updated;
    }

    /** Sets the marketing flag without an acting administrator (the guest's own unsubscribe link or consent). */
    @Transactional
    void setUnsubscribed(long guestId, boolean unsubscribed) {
        repository.find(guestId).filter(g -> g.unsubscribed() != unsubscribed).ifPresent(g -> repository.update(
                new Guest(g.id(), g.clientId(), g.token(), g.macAddress(), g.profile(), unsubscribed, g.createdAt(), clock.instant())));
    }

    // ---- guest API ----

    /** A guest by token within the client; empty for unknown tokens and other clients' guests. */
    public Optional<Guest> findByToken(long clientId, UUID token) {
        return repository.findByToken(token).filter(g -> g.clientId() == clientId);
    }

    /**
     * Hands every guest of the client to the sink, newest first (by id), reading rows as it goes so
     * memory stays flat for millions of guests. {@code unsubscribed} filters when not null.
     */
    @Transactional(readOnly = true)
    public void forEachGuest(long clientId, @Nullable Boolean unsubscribed, Consumer<Guest> sink) {
        repository.streamByClient(clientId, unsubscribed, sink);
    }

    // ---- console ----

    @Transactional
    public Guest create(Actor actor, long clientId, MacAddress mac, GuestProfile profile) {
        actor.require(Permission.MANAGE_GUESTS);
        requireClient(actor, clientId);
        if (repository.findByMac(clientId, mac).isPresent()) {
            throw PorticoException.conflict("Guest " + mac + " already exists for this client.");
        }
        Guest guest = insert(clientId, mac, profile);
        audit(actor, "/guests/addGuest", "Guest added: " + guest.id() + " (" + mac + ").");
        return guest;
    }

    /** Adds a guest without an acting administrator (captive portal sign-in, demo data, tests). */
    @Transactional
    public Guest create(long clientId, MacAddress mac, GuestProfile profile) {
        return insert(clientId, mac, profile);
    }

    /**
     * Bulk insert for the demo data set and benchmark loaders, in JDBC batches: the drafts carry
     * their tokens (so a seeded generator keeps the data deterministic); ids are ignored and
     * assigned in list order. Returns the client's guest ids, oldest first.
     */
    @Transactional
    public List<Long> importGuests(long clientId, List<Guest> drafts) {
        if (drafts.stream().anyMatch(g -> g.clientId() != clientId)) {
            throw new IllegalArgumentException("every imported guest must belong to client " + clientId);
        }
        repository.insertAll(drafts);
        return repository.idsByClient(clientId);
    }

    @Transactional
    public Guest update(Actor actor, long clientId, long guestId, GuestProfile profile) {
        actor.require(Permission.MANAGE_GUESTS);
        Guest existing = require(actor, clientId, guestId);
        Guest updated = new Guest(existing.id(), clientId, existing.token(), existing.macAddress(),
                profile.withUserAgentFrom(existing.profile()), existing.unsubscribed(), existing.createdAt(), clock.instant());
        repository.update(updated);
        audit(actor, "/guests/updateGuest", "Guest " + guestId + " updated.");
        return updated;
    }

    /** Marks a guest unsubscribed (or subscribed again) from marketing. */
    @Transactional
    public Guest setUnsubscribed(Actor actor, long clientId, long guestId, boolean unsubscribed) {
        actor.require(Permission.MANAGE_GUESTS);
        Guest existing = require(actor, clientId, guestId);
        Guest updated = new Guest(existing.id(), clientId, existing.token(), existing.macAddress(), existing.profile(),
                unsubscribed, existing.createdAt(), clock.instant());
        repository.update(updated);
        audit(actor, "/guests/unsubscribeGuest", "Guest " + guestId + (unsubscribed ? " unsubscribed." : " subscribed again."));
        return updated;
    }

    /**
     * Erases a guest on a privacy request: the profile and its purchases are deleted and its
     * connections anonymised (by the connection module, listening to {@link GuestErased}).
     */
    @Transactional
    public void erase(Actor actor, long clientId, long guestId) {
        actor.require(Permission.MANAGE_GUESTS);
        require(actor, clientId, guestId);
        events.publishEvent(new GuestErased(clientId, guestId));
        repository.deletePurchases(guestId);
        repository.delete(guestId);
        audit(actor, "/guests/eraseGuest", "Guest " + guestId + " erased (privacy request).");
    }

    public Guest get(Actor actor, long clientId, long guestId) {
        actor.require(Permission.READ_CONFIGURATION);
        return require(actor, clientId, guestId);
    }

    /**
     * Checks the actor may export the client's guests; the console calls it before it starts
     * streaming {@link #forEachGuest}, because a failure after the first byte could not be reported.
     */
    public void authorizeExport(Actor actor, long clientId) {
        actor.require(Permission.READ_CONFIGURATION);
        requireClient(actor, clientId);
    }

    /** Checks the client belongs to the actor's operator; 404 otherwise. */
    public void requireClient(Actor actor, long clientId) {
        tenants.findClient(actor.operatorId(), clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown client " + clientId + "."));
    }

    Guest require(Actor actor, long clientId, long guestId) {
        requireClient(actor, clientId);
        return repository.find(guestId).filter(g -> g.clientId() == clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown guest " + guestId + "."));
    }

    Optional<Guest> find(long clientId, long guestId) {
        return repository.find(guestId).filter(g -> g.clientId() == clientId);
    }

    private Guest insert(long clientId, MacAddress mac, GuestProfile profile) {
        Instant now = clock.instant();
        Guest guest = repository.insert(new Guest(0, clientId, UUID.randomUUID(), mac, profile, false, now, now));
        events.publishEvent(GuestCreated.of(guest, client(clientId)));
        return guest;
    }

    /** The guest's client, which the guest events carry. */
    Client client(long clientId) {
        return tenants.findClient(clientId).orElseThrow();
    }

    private void audit(Actor actor, String function, String message) {
        events.publishEvent(AdministratorActed.by(actor, function, Map.of("message", message), clock.instant()));
    }
}
