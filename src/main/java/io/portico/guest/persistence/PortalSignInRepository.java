package io.portico.guest.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.guest.MacAddress;

/**
 * SQL for what portal sign-ins leave: guest_marketing (consent, unsubscribe token),
 * guest_portal_credential and guest_portal_status_link.
 */
@Repository
public class PortalSignInRepository {

    /** A stored one-time credential; the password still sealed. */
    public record CredentialRow(String username, long clientId, long guestId, MacAddress macAddress, String passwordSealed,
                                Instant expiresAt, @Nullable Instant usedAt) {
    }

    private final JdbcClient jdbc;

    PortalSignInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> unsubscribeToken(long guestId) {
        return jdbc.sql("select unsubscribe_token from guest_marketing where guest_id = ?").param(guestId)
                .query(String.class).optional();
    }

    public void insertMarketing(long guestId, String unsubscribeToken) {
        jdbc.sql("insert into guest_marketing (guest_id, unsubscribe_token) values (?, ?)")
                .params(guestId, unsubscribeToken).update();
    }

    public void recordConsent(long guestId, Instant at, String textVersion) {
        jdbc.sql("update guest_marketing set consent_at = ?, consent_text_version = ? where guest_id = ?")
                .params(utc(at), textVersion, guestId).update();
    }

    /** The consent a guest gave last, as (time, text version); empty when none. */
    public Optional<Consent> consent(long guestId) {
        return jdbc.sql("select consent_at, consent_text_version from guest_marketing where guest_id = ? and consent_at is not null")
                .param(guestId).query((rs, n) -> new Consent(rs.getObject("consent_at", OffsetDateTime.class).toInstant(),
                        rs.getString("consent_text_version"))).optional();
    }

    public record Consent(Instant at, String textVersion) {
    }

    public Optional<Long> guestIdByUnsubscribeToken(String token) {
        return jdbc.sql("select guest_id from guest_marketing where unsubscribe_token = ?").param(token)
                .query(Long.class).optional();
    }

    public void insertCredential(CredentialRow c, Instant createdAt) {
        jdbc.sql("""
                        insert into guest_portal_credential (username, client_id, guest_id, mac_address, password_sealed,
                               expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(c.username(), c.clientId(), c.guestId(), c.macAddress().value(), c.passwordSealed(),
                        utc(c.expiresAt()), utc(createdAt)).update();
    }

    public Optional<CredentialRow> findCredential(String username) {
        return jdbc.sql("select * from guest_portal_credential where username = ?").param(username)
                .query((rs, n) -> {
                    OffsetDateTime used = rs.getObject("used_at", OffsetDateTime.class);
                    return new CredentialRow(rs.getString("username"), rs.getLong("client_id"), rs.getLong("guest_id"),
                            MacAddress.parse(rs.getString("mac_address")), rs.getString("password_sealed"),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant(), used == null ? null : used.toInstant());
                }).optional();
    }

    /** Marks the credential used; false when another request used it first. */
    public boolean markUsed(String username, Instant at) {
        return jdbc.sql("update guest_portal_credential set used_at = ? where username = ? and used_at is null")
                .params(utc(at), username).update() == 1;
    }

    /** Deletes credentials that expired before the instant; returns how many. */
    public int deleteExpired(Instant before) {
        return jdbc.sql("delete from guest_portal_credential where expires_at < ?").param(utc(before)).update();
    }

    public void insertStatusLink(String id, long clientId, long hotspotId, String stateSealed, Instant expiresAt, Instant createdAt) {
        jdbc.sql("""
                        insert into guest_portal_status_link (id, client_id, hotspot_id, state_sealed, expires_at, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, clientId, hotspotId, stateSealed, utc(expiresAt), utc(createdAt)).update();
    }

    /** The sealed state behind a status link of the client's hotspot, while it has not expired at {@code now}. */
    public Optional<String> findStatusLink(long clientId, long hotspotId, String id, Instant now) {
        return jdbc.sql("""
                        select state_sealed from guest_portal_status_link
                         where id = ? and client_id = ? and hotspot_id = ? and expires_at > ?""")
                .params(id, clientId, hotspotId, utc(now)).query(String.class).optional();
    }

    /** Deletes status links that expired before the instant; returns how many. */
    public int deleteExpiredStatusLinks(Instant before) {
        return jdbc.sql("delete from guest_portal_status_link where expires_at < ?").param(utc(before)).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
