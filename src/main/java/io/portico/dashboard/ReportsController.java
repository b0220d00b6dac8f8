package io.portico.dashboard;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.portico.platform.Actor;
import io.portico.reporting.SubscriptionEndReport;
import io.portico.subscription.EndingSubscription;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Reports: the subscription-end report of the operator's Reporting settings (the list the
 * DomainAdministrators get by email), 50 a page by key, and the whole list as CSV.
 */
@Controller
@Hidden
class ReportsController extends DashboardErrorPages {

    static final int PAGE = 50;

    private final SubscriptionEndReport report;
    private final DashboardScopes scopes;

    ReportsController(DashboardPages pages, SubscriptionEndReport report, DashboardScopes scopes) {
        super(pages);
        this.report = report;
        this.scopes = scopes;
    }

    @GetMapping("/dashboard/reports")
    String reports(Actor actor, @RequestParam(required = false) @Nullable String afterEnds, @RequestParam(required = false) @Nullable Long afterId,
                   HttpServletRequest request, Model model) {
        actor.require(DashboardSection.REPORTS.permission());
        Optional<Instant> after = Optional.empty();
        if (afterEnds != null) {
            try {
                after = Optional.of(Instant.parse(afterEnds));
            } catch (DateTimeParseException e) {
                throw DashboardRefusal.invalid("reports.badPage");
            }
        }
        var page = report.page(actor, after, Optional.ofNullable(afterId), PAGE);
        var text = pages.text(request);
        var formats = new DashboardFormats(scopes.zone(actor, Optional.empty()), text.locale());
        List<ReportViews.Row> rows = page.rows().stream().map(s -> row(s, formats)).toList();
        String next = null;
        if (page.more()) {
            EndingSubscription last = page.rows().getLast();
            next = "/dashboard/reports?afterEnds=" + last.endsAt() + "&afterId=" + last.subscriptionId();
        }
        var window = page.window();
        model.addAttribute("page", pages.page(request, actor, DashboardSection.REPORTS, "nav.reports"));
        model.addAttribute("view", new ReportViews.ReportView(formats.dateTime(window.from()), formats.dateTime(window.until()), window.lookaheadHours(),
                window.frequencyHours(), window.lastSent().map(formats::dateTime).orElse(null), formats.zone().getId(), rows, next));
        return "dashboard/reports";
    }

    @GetMapping("/dashboard/reports/subscriptions-ending.csv")
    void csv(Actor actor, HttpServletResponse response) throws IOException {
        actor.require(DashboardSection.REPORTS.permission());
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"subscriptions-ending.csv\"");
        report.writeCsv(actor, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    private static ReportViews.Row row(EndingSubscription s, DashboardFormats formats) {
        return new ReportViews.Row(s.subscriptionId(), s.venueName(), s.unitName(), s.subscriberName(), s.subscriberEmail(), s.planKey(),
                formats.dateTime(s.startsAt()), formats.dateTime(s.endsAt()), formats.iso(s.endsAt()));
    }
}
