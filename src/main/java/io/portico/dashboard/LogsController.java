package io.portico.dashboard;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.portico.audit.AuditService;
import io.portico.audit.LogEntry;
import io.portico.equipment.EquipmentLogEntry;
import io.portico.equipment.EquipmentLogLine;
import io.portico.equipment.EquipmentService;
import io.portico.operator.OperatorSettingsService;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.portico.webhook.WebhookLogEntry;
import io.portico.webhook.WebhookService;
import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logs: the operator log, an equipment's log and the webhook log, each in a date window
 * (sent as UTC instants, entered and shown in the time zone the administrator picks, stated on
 * the page) with a filter, newest first in keyset pages; a webhook's payload and responses; and
 * "send a test event". The audit, equipment and webhook modules read and decide.
 */
@Controller
@Hidden
class LogsController extends DashboardErrorPages {

    static final int PAGE = 50;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditService audit;
    private final EquipmentService equipment;
    private final WebhookService webhooks;
    private final DashboardSessions sessions;
    private final OperatorSettingsService settings;
    private final DashboardChoices choices;
    private final Clock clock;

    LogsController(DashboardPages pages, AuditService audit, EquipmentService equipment, WebhookService webhooks,
                   DashboardSessions sessions, OperatorSettingsService settings, DashboardChoices choices, Clock clock) {
        super(pages);
        this.choices = choices;
        this.settings = settings;
        this.audit = audit;
        this.equipment = equipment;
        this.webhooks = webhooks;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/dashboard/logs")
    String logs(Actor actor, @RequestParam(defaultValue = "operator") String kind, @RequestParam(defaultValue = "") String tz,
                @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                @RequestParam(defaultValue = "") String filter, @RequestParam(defaultValue = "") String equipmentKey,
                @RequestParam(required = false) @Nullable String fieldsZone, @RequestParam(required = false) @Nullable String equipmentName,
                @RequestParam(required = false) @Nullable Instant beforeAt, @RequestParam(defaultValue = "0") long beforeId,
                HttpServletRequest request, Model model) {
        actor.require(DashboardSection.LOGS.permission());
        PageText text = pages.text(request);
        // Without a choice, times show in the operator's own time zone (operator profile; UTC when none is set).
        ZoneId zone = tz.isBlank() ? settings.timeZone(actor.operatorId()) : zone(tz, text);
        // The window's fields were filled in the zone the form was shown in; a newly chosen zone applies to what is shown.
        ZoneId entered = fieldsZone == null || fieldsZone.isBlank() ? zone : zone(fieldsZone, text);
        Instant end = to.isBlank() ? clock.instant() : instant(to, entered, text);
        Instant start = from.isBlank() ? end.minus(WebhookService.DEFAULT_SPAN) : instant(from, entered, text);
        List<LogViews.Line> lines = new ArrayList<>();
        String next = null;
        Choice equipmentMenu = null;
        boolean menus = actor.can(Permission.READ_CONFIGURATION);
        if (menus && "equipment".equals(kind) && equipmentName != null && !equipmentName.isBlank()) {
            equipmentKey = choices.equipment(actor, null, equipmentName).map(e -> e.key()).orElse("");
        }
        boolean keyset = true;
        UriComponentsBuilder more = UriComponentsBuilder.fromPath("/dashboard/logs").queryParam("kind", kind)
                .queryParam("tz", zone.getId()).queryParam("from", exact(start, zone)).queryParam("to", exact(end, zone))
                .queryParam("filter", filter).queryParam("equipmentKey", equipmentKey);
        switch (kind) {
            case "webhook" -> {
                List<WebhookLogEntry> page = webhooks.page(actor, start, end, filter, beforeAt, beforeId, PAGE + 1);
                for (WebhookLogEntry e : page.subList(0, Math.min(PAGE, page.size()))) {
                    lines.add(new LogViews.Line(shown(e.occurredAt(), zone), e.type(), e.url(),
                            e.responses().isEmpty() ? "" : e.responses().getLast(),
                            "/dashboard/logs/webhooks/" + e.id() + "?tz=" + zone.getId(), e.status()));
                }
                if (page.size() > PAGE) {
                    WebhookLogEntry last = page.get(PAGE - 1);
                    next = more.queryParam("beforeAt", last.occurredAt()).queryParam("beforeId", last.id()).encode().build().toUriString();
                }
            }
            case "equipment" -> {
                if (menus) {
                    equipmentMenu = choices.equipment(actor, "log-equipment", equipmentKey, equipmentName);
                }
                if (!equipmentKey.isBlank()) {
                    List<EquipmentLogLine> page = equipment.logPage(actor, equipmentKey, start, end, filter, beforeAt, beforeId, PAGE + 1);
                    for (EquipmentLogLine line : page.subList(0, Math.min(PAGE, page.size()))) {
                        EquipmentLogEntry e = line.entry();
                        lines.add(new LogViews.Line(shown(e.occurredAt(), zone), e.functionName(),
                                e.administrator() == null ? text.t("logs.engine") : e.administrator(), message(e.event()), null, null));
                    }
                    if (page.size() > PAGE) {
                        EquipmentLogLine last = page.get(PAGE - 1);
                        next = more.queryParam("beforeAt", last.entry().occurredAt()).queryParam("beforeId", last.id()).encode().build()
                                .toUriString();
                    }
                }
            }
            default -> {
                List<LogEntry> page = audit.page(actor, start, end, filter, beforeAt == null ? null : new LogEntry.Cursor(beforeAt, beforeId),
                        PAGE + 1);
                for (LogEntry e : page.subList(0, Math.min(PAGE, page.size()))) {
                    lines.add(new LogViews.Line(shown(e.occurredAt(), zone), e.functionName(),
                            e.administrator() == null ? text.t("logs.engine") : e.administrator(), message(e.event()), null, null));
                }
                if (page.size() > PAGE) {
                    LogEntry last = page.get(PAGE - 1);
                    next = more.queryParam("beforeAt", last.occurredAt()).queryParam("beforeId", last.id()).encode().build().toUriString();
                }
            }
        }
        String shownKind = switch (kind) {
            case "webhook", "equipment" -> kind;
            default -> "operator";
        };
        model.addAttribute("page", pages.page(request, actor, DashboardSection.LOGS, "logs.title"));
        model.addAttribute("view", new LogViews.LogsView(shownKind, zone.getId(), field(start, zone), field(end, zone), filter, equipmentMenu,
                equipmentKey, lines, next, actor.can(Permission.MANAGE_OPERATOR),
                request.getParameter("sent") != null ? text.t("logs.testSent") : null, keyset));
        return "dashboard/logs";
    }

    @GetMapping("/dashboard/logs/webhooks/{id}")
    String webhook(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String tz, HttpServletRequest request,
                   Model model) {
        PageText text = pages.text(request);
        // Without a choice, times show in the operator's own time zone (operator profile; UTC when none is set).
        ZoneId zone = tz.isBlank() ? settings.timeZone(actor.operatorId()) : zone(tz, text);
        WebhookLogEntry e = webhooks.entry(actor, id);
        model.addAttribute("page", pages.page(request, actor, DashboardSection.LOGS, "logs.webhook.title", e.type()));
        model.addAttribute("view", new LogViews.WebhookDetail(e.id(), shown(e.occurredAt(), zone), zone.getId(), e.type(), e.url(),
                e.status(), e.attempts(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e.payload()), e.responses()));
        return "dashboard/webhook";
    }

    @PostMapping("/dashboard/logs/webhooks/test")
    String sendTest(Actor actor, @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                    HttpServletRequest request) {
        sessions.checkForm(request, csrf);
        try {
            webhooks.sendTestEvent(actor);
        } catch (PorticoException e) {
            throw DashboardRefusal.rephrased(e, Problem.CONFLICT, "settings.conflict.webhookTest");
        }
        return "redirect:/dashboard/logs?kind=webhook&sent";
    }

    private static ZoneId zone(String tz, PageText text) {
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            throw PorticoException.invalid(text.t("logs.badZone", tz));
        }
    }

    private static Instant instant(String local, ZoneId zone, PageText text) {
        try {
            return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw PorticoException.invalid(text.t("logs.badTime", local));
        }
    }

    /** A {@code datetime-local} value: whole minutes, rounded up so the window still holds what {@code at} does. */
    private static String field(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        var minute = local.truncatedTo(ChronoUnit.MINUTES);
        return FIELD.format(minute.equals(local) ? minute : minute.plusMinutes(1));
    }

    private static String exact(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDateTime().toString();
    }

    private static String shown(Instant at, ZoneId zone) {
        return SHOWN.format(at.atZone(zone));
    }

    private static String message(Map<String, Object> event) {
        Object message = event.get("message");
        return message != null ? message.toString() : JSON.writeValueAsString(event);
    }
}
