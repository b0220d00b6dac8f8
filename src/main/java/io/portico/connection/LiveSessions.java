package io.portico.connection;

import java.util.List;

/** One page of live sessions and the operator's totals under the same filter: online now, and stale. */
public record LiveSessions(List<LiveSession> sessions, long online, long stale, boolean more) {

    public LiveSessions {
        sessions = List.copyOf(sessions);
    }
}
