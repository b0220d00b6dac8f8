package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.portico.subscription.Subscriber;
import io.portico.subscription.SubscriberPrincipal;
import io.portico.subscription.SubscriberSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The routes a signed-in resident calls for themselves ({@code /preview/subscriberconsole/resident/}):
 * they take a subscriber's AccessToken, never an administrator's (401).
 */
@RestController
@Tag(name = "Subscriber console: resident")
class ResidentController {

    private final SubscriberSessions sessions;

    ResidentController(SubscriberSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(ConsoleRequestFilter.RESIDENT_PREFIX + "getProfile")
    @Operation(summary = "The signed-in subscriber's own details",
            description = "Takes a subscriber's AccessToken (from login with Principal Subscriber); an administrator's gets 401.")
    Map<String, Object> profile(SubscriberPrincipal principal) {
        Subscriber s = sessions.subscriber(principal);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("EmailAddress", s.email());
        body.put("SubscriberToken", s.token());
        body.put("GivenName", s.givenName());
        body.put("FamilyName", s.familyName());
        body.put("PhoneNumber.E164", s.phoneE164());
        body.put("locale", s.locale());
        body.put("contactpref_sms", s.contactBySms());
        body.put("contactpref_email", s.contactByEmail());
        body.put("errorProcessing", false);
        return body;
    }
}
