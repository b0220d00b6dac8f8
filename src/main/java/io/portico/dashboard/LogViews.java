package io.portico.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The logs page's model, public for the precompiled template. */
public final class LogViews {

    private LogViews() {
    }

    /** One line of any of the three logs, its time already in the chosen zone. */
    public record Line(String at, String what, String who, String detail, @Nullable String link, @Nullable String status) {
    }

    /**
     * @param from   the window start as a {@code datetime-local} value in {@code zone}
     * @param next   the query string of the next (older) page, or null on the last
     */
    public record LogsView(String kind, String zone, String from, String to, String filter, @Nullable Choice equipment,
                           String equipmentKey, List<Line> lines, @Nullable String next, boolean canSendTest,
                           @Nullable String notice, boolean keysetPaged) {
    }

    /** One webhook with its payload and the receiver's responses. */
    public record WebhookDetail(long id, String at, String zone, String type, String url, String status, int attempts,
                                String payloadJson, List<String> responses) {
    }
}
