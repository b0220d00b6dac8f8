package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.notification.NotificationProperties;
import io.portico.platform.Actor;
import io.portico.subscription.SelfSignup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Staff get (and replace) a venue's self sign-up link, the page residents sign themselves up on. */
@RestController
@Tag(name = "Console: venues")
class SelfSignupController {

    record LinkRequest(@JsonProperty("VenueID") @Nullable String venueKey, @JsonProperty("Regenerate") @Nullable Boolean regenerate,
                       @JsonProperty("SignupCode") @Nullable String signupCode) {
    }

    private final SelfSignup signup;
    private final NotificationProperties notification;

    SelfSignupController(SelfSignup signup, NotificationProperties notification) {
        this.signup = signup;
        this.notification = notification;
    }

    @PostMapping("/preview/networkoperatorconsole/venues/getSelfSignupLink")
    @Operation(summary = "A venue's self sign-up link for residents",
            description = "Creates the link on first use. Regenerate: true replaces it (the old link stops working); SignupCode "
                    + "sets the code residents must also enter (empty: none; absent: unchanged). Residents can choose the plans "
                    + "with AllowSelfSignup. Reading needs READ_CONFIGURATION, changes MANAGE_SUBSCRIBERS (403); unknown venue: 404.")
    Map<String, Object> link(Actor actor, @RequestBody LinkRequest r) {
        SelfSignup.SignupLink link = signup.link(actor, r.venueKey(), Boolean.TRUE.equals(r.regenerate()), r.signupCode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "");
        body.put("VenueID", link.venueKey());
        body.put("SignupURL", notification.subscriberPortalUrl().replaceAll("/+$", "") + "/subscriber/signup/" + link.token());
        body.put("SignupCode", link.signupCode());
        body.put("errorProcessing", false);
        return body;
    }
}
