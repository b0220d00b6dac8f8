package io.portico.radius;

import java.time.Instant;
import java.util.List;

/**
 * Port where accounting goes. The accounting listener calls {@link #record} from one writer thread
 * with batches of events (group commit) and answers the NAS only after it returns, so an
 * implementation must have stored the whole batch durably (committed) before returning, and must
 * be idempotent per session (its key: operator, NAS-Identifier, Acct-Session-Id, station ids): retransmissions and replays after a failed
 * batch arrive again. Throwing fails the whole batch; it is retried and nothing is acknowledged.
 * <p>
 * The implementation is {@code internal.ConnectionAccountingSink}: guest sessions into the
 * connection module's sessions (which feed {@code /v2/client/connections}), every other session
 * as its NAS's session only, in the same store; each session is stored once.
 */
public interface AccountingSink {

    void record(List<AccountingEvent> batch);

    /** Closes open sessions whose {@link SessionReport#staleAfter()} has passed; returns how many. Called by a scheduled job. */
    int closeStale(Instant now);
}
