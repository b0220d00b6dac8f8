package io.portico.subscriberconsole;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An operator's theme as a stylesheet of custom properties (colours only). Public: colours are not
 * secret, and the sign-up pages show the operator's look before anyone signs in. The URL carries
 * the theme's hash, so it is cached for a day.
 */
@Controller
class ThemeController extends SubscriberErrorPages {

    ThemeController(SubscriberPages pages) {
        super(pages);
    }

    @GetMapping("/subscriber/theme/{operatorId:[0-9]{1,18}}.css")
    ResponseEntity<String> theme(@PathVariable long operatorId) {
        return ResponseEntity.ok().contentType(new MediaType("text", "css"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(pages.look(operatorId).themeCss());
    }
}
