package io.portico.connection.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.portico.connection.AccountingRecord;
import io.portico.connection.NasSession;

/**
 * What one accounting packet writes into its session row, and how two packets of one session
 * combine: exactly the rules of {@link ConnectionRepository}'s merge, applied in memory, so a batch
 * can carry one row per session (PostgreSQL's {@code INSERT ... ON CONFLICT} may touch a row only
 * once per statement). Counters and the last update only grow; the start is the Start packet's
 * time, or the first packet's (its time less its session time) until a Start arrives; a Stop
 * ({@code closed_by = 'nas'}) is final; a session closed any other way takes the end state of a
 * newer packet.
 *
 * @param startReported a Start is among this write's packets, so {@code startedAt} is the
 *                      session's start (an Interim-Update or Stop only estimates it, to the second)
 */
record SessionWrite(String sessionKey, @Nullable Long clientId, @Nullable Long hotspotId, @Nullable Long guestId,
                    @Nullable String macAddress,
                    @Nullable String userAgent, Instant startedAt, boolean startReported, Instant lastSeenAt,
                    @Nullable Instant endedAt, long sessionSeconds, long inputOctets, long outputOctets,
                    @Nullable Integer terminateCause, @Nullable Long nasClientId, @Nullable String nasAddress,
                    @Nullable String acctSessionId, @Nullable String userName, @Nullable String framedIp,
                    @Nullable Instant staleAfter, @Nullable String closedBy, @Nullable String nasIdentifier) {

    static final String BY_NAS = "nas";

    SessionWrite {
        if (sessionKey == null || startedAt == null || lastSeenAt == null) {
            throw new IllegalArgumentException("a session write needs its key and times");
        }
        if (sessionSeconds < 0 || inputOctets < 0 || outputOctets < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    /** The packet at its hotspot's client, or (both null) as its NAS's session only. */
    static SessionWrite of(AccountingRecord r, @Nullable Long clientId, @Nullable Long hotspotId, @Nullable Long guestId) {
        boolean stop = r.type() == AccountingRecord.Type.STOP;
        NasSession nas = r.nas();
        return new SessionWrite(r.sessionId().value(), clientId, hotspotId, guestId, r.macAddress() == null ? null : r.macAddress().value(),
                r.userAgent(),
                r.startedAt(), r.type() == AccountingRecord.Type.START, r.eventTime(), stop ? r.eventTime() : null, r.sessionTime(),
                r.inputBytes(), r.outputBytes(),
                stop && r.terminateCause() != null ? r.terminateCause().code() : null,
                nas == null ? null : nas.nasClientId(), nas == null ? null : nas.nasAddress(),
                nas == null ? null : nas.acctSessionId(), nas == null ? null : nas.userName(),
                nas == null ? null : nas.framedIp(), nas == null ? null : nas.staleAfter(), stop ? BY_NAS : null,
                r.nasIdentifier());
    }

    /** This row as stored, updated by a later packet {@code s} of the same session. */
    SessionWrite then(SessionWrite s) {
        boolean takeEnd = endedAt == null || (closedBy != null && !BY_NAS.equals(closedBy) && s.lastSeenAt.isAfter(lastSeenAt));
        return new SessionWrite(sessionKey, clientId != null ? clientId : s.clientId, hotspotId != null ? hotspotId : s.hotspotId,
                guestId != null ? guestId : s.guestId, macAddress != null ? macAddress : s.macAddress,
                userAgent != null ? userAgent : s.userAgent,
                s.startReported ? s.startedAt : startedAt, startReported || s.startReported,
                lastSeenAt.isAfter(s.lastSeenAt) ? lastSeenAt : s.lastSeenAt,
                takeEnd ? s.endedAt : endedAt,
                Math.max(sessionSeconds, s.sessionSeconds), Math.max(inputOctets, s.inputOctets),
                Math.max(outputOctets, s.outputOctets),
                takeEnd ? s.terminateCause : terminateCause,
                nasClientId != null ? nasClientId : s.nasClientId, nasAddress != null ? nasAddress : s.nasAddress,
                acctSessionId != null ? acctSessionId : s.acctSessionId, userName != null ? userName : s.userName,
                s.framedIp != null ? s.framedIp : framedIp,
                staleAfter == null || (s.staleAfter != null && s.staleAfter.isAfter(staleAfter)) ? (s.staleAfter != null ? s.staleAfter : staleAfter)
                        : staleAfter,
                takeEnd ? s.closedBy : closedBy, nasIdentifier != null ? nasIdentifier : s.nasIdentifier);
    }

    /** One write per session, packets of one session combined in arrival order, sorted by key (a fixed lock order). */
    static List<SessionWrite> combined(Collection<SessionWrite> writes) {
        Map<String, SessionWrite> bySession = new LinkedHashMap<>();
        for (SessionWrite w : writes) {
            bySession.merge(w.sessionKey(), w, SessionWrite::then);
        }
        List<SessionWrite> out = new ArrayList<>(bySession.values());
        out.sort(java.util.Comparator.comparing(SessionWrite::sessionKey));
        return out;
    }
}
