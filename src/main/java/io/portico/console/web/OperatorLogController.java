package io.portico.console.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.portico.audit.AuditService;
import io.portico.audit.LogWindow;
import io.portico.platform.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The console's operator log route (listOperatorLog), shaped by {@link LogWire}. */
@RestController
@RequestMapping("/preview/networkoperatorconsole/equipment")
@Tag(name = "Console: Operator/Equipment")
class OperatorLogController {

    private final AuditService audit;

    OperatorLogController(AuditService audit) {
        this.audit = audit;
    }

    @PostMapping("/listOperatorLog")
    @Operation(summary = "Lists operator log entries in a window, newest first",
            description = "MaxViewWindowDateUTC.ISO8601 defaults to now, MinViewWindowDateUTC.ISO8601 to 15 days before the max. "
                    + "log_count is the number of entries in the window, log_returned the number returned: at most 1000. "
                    + "Roles: every role (SIEMAdministrators read logs only).")
    Map<String, Object> listOperatorLog(Actor actor, @RequestBody(required = false) LogWire.@Nullable Window window) {
        LogWire.Window w = LogWire.Window.of(window);
        return LogWire.operatorLog(audit.window(actor, w.from(), w.to(), LogWindow.MAX_RETURNED));
    }
}
