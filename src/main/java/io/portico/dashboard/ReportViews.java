package io.portico.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the Reports page shows. */
public final class ReportViews {

    private ReportViews() {
    }

    /** One line of the page, times already written in the page's zone. */
    public record Row(long id, String venue, String unit, String subscriber, String email, String plan, String starts, String ends,
                      String endsIso) {
    }

    /** The page: the window, its rows and the next page's key (null on the last page). */
    public record ReportView(String from, String until, int lookaheadHours, int frequencyHours, @Nullable String lastSent, String zone,
                             List<Row> rows, @Nullable String next) {
    }
}
