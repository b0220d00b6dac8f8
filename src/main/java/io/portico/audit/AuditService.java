package io.portico.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.portico.audit.persistence.OperatorLogRepository;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;

/**
 * Entry point of the audit module. Records {@link AdministratorActed} events and serves the
 * operator log window to the console facade.
 */
@Service
public class AuditService {

    private final OperatorLogRepository repository;
    private final Clock clock;

    AuditService(OperatorLogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Runs inside the publisher's transaction (a plain listener, not an after-commit one): a
     * change and its audit entry commit together or not at all.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(AdministratorActed event) {
        repository.insert(event);
    }

    /** Entries in the window, newest first; defaults and limits as in the console's listOperatorLog. */
    @Transactional(readOnly = true)
    public LogWindow window(Actor actor, @Nullable Instant from, @Nullable Instant to, int limit) {
        actor.require(Permission.READ_LOGS);
        Instant max = to == null ? clock.instant() : to;
        Instant min = from == null ? max.minus(LogWindow.DEFAULT_SPAN) : from;
        if (min.isAfter(max)) {
            throw PorticoException.invalid("windowStart",
                    "{windowStart} must not be after {windowEnd}.");
        }
        int capped = Math.max(1, Math.min(limit, LogWindow.MAX_RETURNED));
        return new LogWindow(min, max, repository.count(actor.operatorId(), min, max),
                repository.list(actor.operatorId(), min, max, capped));
    }

    /**
     * The dashboard's operator log: a keyset page of the window [from, to] (newest first; pass the
     * last entry shown as {@code before} for the next page), optionally one function (name prefix).
     */
    @Transactional(readOnly = true)
    public List<LogEntry> page(Actor actor, Instant from, Instant to, @Nullable String function, LogEntry.@Nullable Cursor before,
                               int limit) {
        actor.require(Permission.READ_LOGS);
        if (from.isAfter(to)) {
            throw PorticoException.invalid("windowStart", "{windowStart} must not be after {windowEnd}.");
        }
        return repository.page(actor.operatorId(), from, to, function == null || function.isBlank() ? null : function.strip(),
                before == null ? null : before.occurredAt(), before == null ? 0 : before.id(),
                Math.max(1, Math.min(limit, LogWindow.MAX_RETURNED)));
    }
}
