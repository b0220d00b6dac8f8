package io.portico.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import io.portico.identity.Administrator;
import io.portico.identity.IdentityService;
import io.portico.notification.Branding;
import io.portico.notification.EmailAttachment;
import io.portico.notification.EmailMessage;
import io.portico.notification.EmailTemplate;
import io.portico.notification.NotificationService;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.Actor;
import io.portico.platform.CsvLines;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Role;
import io.portico.reporting.persistence.ReportRunRepository;
import io.portico.subscription.EndingSubscription;
import io.portico.subscription.SubscriptionInsights;
import io.portico.tenant.TenantService;

/**
 * The subscription-end report of the operator's {@code Reporting} settings: the subscriptions
 * ending within {@code ReportingSubscriptionEnd_lookahead_hours} from now, soonest first. Every
 * {@code ReportingSubscriptionEnd_frequency_hours} each enabled DomainAdministrator gets it by
 * email, in the language they chose in the dashboard, with the whole list as CSV; the dashboard
 * shows the same list. A period is claimed per operator with a compare-and-set on its last-sent
 * time in the transaction that queues the emails, so two instances never send one period twice.
 * When no subscription ends in the window the period is claimed and no email is sent.
 */
@Service
public class SubscriptionEndReport {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEndReport.class);
    public static final List<String> CSV_HEADER = List.of("subscription_id", "venue", "unit", "subscriber", "email", "service_plan",
            "starts_at", "ends_at");
    static final String KIND = "SubscriptionEndReport";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SubscriptionInsights subscriptions;
    private final IdentityService identity;
    private final NotificationService notifications;
    private final OperatorSettingsService settings;
    private final ReportRunRepository runs;
    private final ReportingProperties properties;
    private final TenantService tenants;
    private final Clock clock;

    SubscriptionEndReport(SubscriptionInsights subscriptions, IdentityService identity, NotificationService notifications,
                          OperatorSettingsService settings, ReportRunRepository runs, ReportingProperties properties, TenantService tenants,
                          Clock clock) {
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.identity = identity;
        this.notifications = notifications;
        this.settings = settings;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    /** The window a report covers now, and how often it is emailed. */
    public record Window(Instant from, Instant until, int lookaheadHours, int frequencyHours, Optional<Instant> lastSent) {
    }

    /** A page of the report, soonest first; {@code more} says a next page exists (keyset: the last row's end and id). */
    public record Page(Window window, List<EndingSubscription> rows, boolean more) {
    }

    public Window window(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return window(actor.operatorId());
    }

    @Transactional(readOnly = true)
    public Page page(Actor actor, Optional<Instant> afterEndsAt, Optional<Long> afterId, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        if (afterEndsAt.isPresent() != afterId.isPresent()) {
            throw PorticoException.invalid("after", "A page starts after a subscription's end time and id, both or neither.");
        }
        Window window = window(actor.operatorId());
        List<EndingSubscription> rows = subscriptions.ending(actor.operatorId(), window.from(), window.until(), afterEndsAt, afterId, limit);
        boolean more = rows.size() > limit;
        return new Page(window, more ? rows.subList(0, limit) : rows, more);
    }

    /** Streams the whole report as CSV (RFC 4180, UTF-8, times in UTC). */
    @Transactional(readOnly = true)
    public void writeCsv(Actor actor, Writer out) {
        actor.require(Permission.READ_CONFIGURATION);
        Window window = window(actor.operatorId());
        writeCsv(actor.operatorId(), window, out);
    }

    /**
     * Sends the operator's report when its period is due and this instance claims it: one email per
     * enabled DomainAdministrator, queued in the claim's transaction. True when emails were queued.
     */
    @Transactional
    public boolean sendIfDue(long operatorId) {
        Window window = window(operatorId);
        Instant now = window.from();
        if (window.lastSent().isPresent() && window.lastSent().get().plus(Duration.ofHours(window.frequencyHours())).isAfter(now)) {
            return false;
        }
        if (!runs.claim(operatorId, window.lastSent(), now)) {
            return false;
        }
        List<EndingSubscription> firstRows = subscriptions.ending(operatorId, window.from(), window.until(), Optional.empty(),
                Optional.empty(), properties.emailRows());
        if (firstRows.isEmpty()) {
            log.info("Subscription-end report of operator {}: nothing ends within {} h, no email", operatorId, window.lookaheadHours());
            return false;
        }
        StringWriter csv = new StringWriter();
        long total = writeCsv(operatorId, window, csv);
        Sections.Profile profile = settings.section(operatorId, Section.PROFILE);
        Sections.Notifications n = settings.section(operatorId, Section.NOTIFICATIONS);
        Sections.Email email = settings.section(operatorId, Section.EMAIL);
        String from = n.emailFrom().isBlank() ? profile.emailAddress() : n.emailFrom();
        Map<Long, String> languages = identity.administratorLanguages(operatorId);
        String operatorName = profile.networkOperatorName().isBlank()
                ? tenants.findOperator(operatorId).map(o -> o.name()).orElse("") : profile.networkOperatorName();
        Branding branding = new Branding(email.brandColor(), profile.logoUrl(), operatorName);
        String fallback = operatorLanguage(operatorId);
        EmailAttachment attachment = new EmailAttachment("subscriptions-ending-" + DateTimeFormatter.ISO_LOCAL_DATE
                .format(now.atOffset(ZoneOffset.UTC)) + ".csv", "text/csv; charset=utf-8", csv.toString());
        int queued = 0;
        for (Administrator admin : identity.listAdministrators(operatorId)) {
            if (admin.disabled() || !admin.roles().contains(Role.DOMAIN_ADMINISTRATORS)) {
                continue;
            }
            String locale = languages.getOrDefault(admin.id(), fallback);
            EmailTemplate.RenderedEmail content = render(locale, operatorName, window, firstRows, total);
            notifications.queue(new EmailMessage(operatorId, KIND, "operator:" + operatorId, admin.email(), from, locale, content,
                    branding, Instant.EPOCH), attachment);
            queued++;
        }
        log.info("Subscription-end report of operator {} queued for {} DomainAdministrators ({} subscriptions)", operatorId, queued,
                total);
        return queued > 0;
    }

    private Window window(long operatorId) {
        Sections.Reporting reporting = settings.section(operatorId, Section.REPORTING);
        Instant now = clock.instant();
        return new Window(now, now.plus(Duration.ofHours(reporting.subscriptionEndLookaheadHours())),
                reporting.subscriptionEndLookaheadHours(), reporting.subscriptionEndFrequencyHours(), runs.lastSent(operatorId));
    }

    /** Writes the report's CSV; answers the number of subscriptions. */
    private long writeCsv(long operatorId, Window window, Writer out) {
        long[] count = {0};
        try {
            CsvLines.write(out, CSV_HEADER);
            subscriptions.forEachEnding(operatorId, window.from(), window.until(), s -> {
                count[0]++;
                try {
                    CsvLines.write(out, List.of(Long.toString(s.subscriptionId()), s.venueName(), s.unitName(), s.subscriberName(),
                            s.subscriberEmail(), s.planKey(), s.startsAt().toString(), s.endsAt().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** en-us or es-xl from the operator's first supported locale. */
    private String operatorLanguage(long operatorId) {
        String first = settings.section(operatorId, Section.LOCALES).supported().keySet().stream().findFirst().orElse("en-us");
        return first.startsWith("es") ? "es-xl" : "en-us";
    }

    static EmailTemplate.RenderedEmail render(String locale, String operatorName, Window window, List<EndingSubscription> rows, long total) {
        boolean es = locale.startsWith("es");
        String subject = es ? total + " suscripciones terminan en las próximas " + window.lookaheadHours() + " horas (" + operatorName + ")"
                : total + " subscriptions end in the next " + window.lookaheadHours() + " hours (" + operatorName + ")";
        String intro = es ? "Suscripciones que terminan entre " + UTC.format(window.from()) + " y " + UTC.format(window.until())
                + ". La lista completa va en el CSV adjunto."
                : "Subscriptions ending between " + UTC.format(window.from()) + " and " + UTC.format(window.until())
                + ". The full list is in the attached CSV.";
        List<String> head = es ? List.of("Termina", "Sede", "Unidad", "Suscriptor", "Plan") : List.of("Ends", "Venue", "Unit", "Subscriber", "Plan");
        StringBuilder html = new StringBuilder("<p>").append(HtmlUtils.htmlEscape(intro)).append("</p><table><thead><tr>");
        head.forEach(h -> html.append("<th align=\"left\">").append(h).append("</th>"));
        html.append("</tr></thead><tbody>");
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        List<EndingSubscription> shown = new ArrayList<>(rows);
        for (EndingSubscription s : shown) {
            List<String> cells = List.of(UTC.format(s.endsAt()), s.venueName(), s.unitName(), s.subscriberName() + " <" + s.subscriberEmail() + ">",
                    s.planKey());
            html.append("<tr>");
            cells.forEach(c -> html.append("<td>").append(HtmlUtils.htmlEscape(c)).append("</td>"));
            html.append("</tr>");
            text.append(String.join(" | ", cells)).append('\n');
        }
        html.append("</tbody></table>");
        if (total > shown.size()) {
            String rest = es ? "… y " + (total - shown.size()) + " más en el CSV." : "… and " + (total - shown.size()) + " more in the CSV.";
            html.append("<p>").append(HtmlUtils.htmlEscape(rest)).append("</p>");
            text.append(rest).append('\n');
        }
        return new EmailTemplate.RenderedEmail(subject.replaceAll("[\\r\\n]+", " "), html.toString(), text.toString());
    }

}
