package io.portico.connection.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Combining packets of one session in memory follows the stored merge's rules. */
class SessionWriteTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    static SessionWrite write(String key, long seconds, long octets, @Nullable String closedBy, @Nullable Long nas) {
        Instant seen = T0.plusSeconds(seconds);
        return new SessionWrite(key, 1L, 2L, null, "AA-BB-CC-DD-EE-FF", null, T0, false, seen, closedBy == null ? null : seen, seconds,
                octets, octets, closedBy == null ? null : 1, nas, nas == null ? null : "192.0.2.1", nas == null ? null : "S1", "",
                null, nas == null ? null : seen.plusSeconds(720), closedBy, "nas-1");
    }

    @Test
    void aNasSessionWithoutHotspotTakesTheHotspotOfALaterPacket() {
        SessionWrite nasOnly = new SessionWrite("a", null, null, null, null, null, T0, true, T0, null, 0, 0, 0, null, 7L, "192.0.2.1",
                "S1", "", null, T0.plusSeconds(720), null, "nas-1");
        SessionWrite merged = nasOnly.then(write("a", 300, 500, null, 7L));
        assertThat(merged.clientId()).isEqualTo(1L);
        assertThat(merged.hotspotId()).isEqualTo(2L);
        assertThat(merged.macAddress()).isEqualTo("AA-BB-CC-DD-EE-FF");
        assertThat(merged.startedAt()).as("the Start's time stays").isEqualTo(T0);
        assertThat(merged.inputOctets()).isEqualTo(500);
    }

    @Test
    void countersGrow() {
        SessionWrite merged = write("a", 300, 500, null, 7L).then(write("a", 100, 900, null, 7L));
        assertThat(merged.sessionSeconds()).isEqualTo(300);
        assertThat(merged.inputOctets()).isEqualTo(900);
        assertThat(merged.lastSeenAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(merged.staleAfter()).isEqualTo(T0.plusSeconds(1020));
    }

    @Test
    void theStartPacketSetsTheStartAndEstimatesNeverMoveIt() {
        SessionWrite interim = write("a", 300, 500, null, 7L);
        SessionWrite earlierEstimate = withStart(write("a", 600, 900, null, 7L), T0.minusSeconds(1), false);
        assertThat(interim.then(earlierEstimate).startedAt()).as("an Interim-Update's estimate").isEqualTo(T0);
        assertThat(interim.then(earlierEstimate).startReported()).isFalse();

        SessionWrite start = withStart(write("a", 0, 0, null, 7L), T0.plusMillis(700), true);
        SessionWrite late = interim.then(start);
        assertThat(late.startedAt()).as("a Start after the Interim-Update").isEqualTo(T0.plusMillis(700));
        assertThat(late.startReported()).isTrue();
        assertThat(late.then(earlierEstimate).startedAt()).isEqualTo(T0.plusMillis(700));
        assertThat(late.inputOctets()).isEqualTo(500);
    }

    static SessionWrite withStart(SessionWrite w, Instant startedAt, boolean reported) {
        return new SessionWrite(w.sessionKey(), w.clientId(), w.hotspotId(), w.guestId(), w.macAddress(), w.userAgent(), startedAt,
                reported, w.lastSeenAt(), w.endedAt(), w.sessionSeconds(), w.inputOctets(), w.outputOctets(), w.terminateCause(),
                w.nasClientId(), w.nasAddress(), w.acctSessionId(), w.userName(), w.framedIp(), w.staleAfter(), w.closedBy(), w.nasIdentifier());
    }

    @Test
    void aStopIsFinalButOtherClosuresReopenOnANewerPacket() {
        SessionWrite stopped = write("a", 600, 1, "nas", 7L);
        assertThat(stopped.then(write("a", 900, 2, null, 7L)).endedAt()).isEqualTo(T0.plusSeconds(600));

        SessionWrite stale = write("a", 600, 1, "stale", 7L);
        SessionWrite reopened = stale.then(write("a", 900, 2, null, 7L));
        assertThat(reopened.endedAt()).isNull();
        assertThat(reopened.closedBy()).isNull();
        assertThat(reopened.terminateCause()).isNull();
        assertThat(stale.then(write("a", 300, 2, null, 7L)).closedBy()).as("an older packet").isEqualTo("stale");
    }

    @Test
    void combinesEachSessionOnceSortedByKey() {
        List<SessionWrite> combined = SessionWrite.combined(List.of(write("b", 0, 0, null, null), write("a", 0, 0, null, 7L),
                write("b", 60, 10, null, null), write("b", 120, 20, "nas", null)));
        assertThat(combined).extracting(SessionWrite::sessionKey).containsExactly("a", "b");
        assertThat(combined.get(1).closedBy()).isEqualTo("nas");
        assertThat(combined.get(1).inputOctets()).isEqualTo(20);
        assertThat(combined.get(0).nasClientId()).isEqualTo(7L);
    }
}
