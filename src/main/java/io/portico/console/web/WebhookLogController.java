package io.portico.console.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.portico.platform.Actor;
import io.portico.webhook.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The console's webhook delivery log route (listWebhookLog), shaped by {@link LogWire}. */
@RestController
@RequestMapping("/preview/networkoperatorconsole/equipment")
@Tag(name = "Console: Operator/Equipment")
class WebhookLogController {

    private final WebhookService webhooks;

    WebhookLogController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/listWebhookLog")
    @Operation(summary = "Lists webhook deliveries in a window, newest first",
            description = "Window defaults and the cap (1000) as listOperatorLog. Each entry: Type, WebhookURL, Payload, webhookresponse.")
    Map<String, Object> listWebhookLog(Actor actor, @RequestBody(required = false) LogWire.@Nullable Window window) {
        LogWire.Window w = LogWire.Window.of(window);
        return LogWire.webhookLog(webhooks.window(actor, w.from(), w.to()));
    }
}
