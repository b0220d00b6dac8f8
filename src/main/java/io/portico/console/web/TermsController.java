package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.operator.OperatorSettingsService;
import io.portico.platform.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The console's terms and conditions route (configureTandC). */
@RestController
@RequestMapping("/preview/networkoperatorconsole/equipment")
@Tag(name = "Console: Operator/Equipment")
class TermsController {

    record TandC(@JsonProperty("locale") @Nullable String locale, @JsonProperty("TandC") @Nullable String text) {
    }

    private final OperatorSettingsService settings;

    TermsController(OperatorSettingsService settings) {
        this.settings = settings;
    }

    @PostMapping("/configureTandC")
    @Operation(summary = "Sets the terms and conditions of one supported locale",
            description = "DomainAdministrators only. Text with script, event-handler attributes, javascript: or data: URLs, "
                    + "frames, forms, styles or other active content is rejected (400) with a message naming what was found; "
                    + "formatting HTML (headings, paragraphs, lists, tables, emphasis, images, http/https/mailto links) is kept as given.")
    Map<String, Object> configureTandC(Actor actor, @RequestBody TandC request) {
        return saved(request.locale(), settings.configureTandC(actor, request.locale(), request.text()));
    }

    /** The answer: the text as stored, under {@code TandC.<locale>}. */
    private static Map<String, Object> saved(@Nullable String locale, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("TandC." + locale.strip().toLowerCase(Locale.ROOT), text);
        body.put("errorProcessing", false);
        return body;
    }
}
