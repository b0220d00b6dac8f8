package io.portico.portal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.portico.guest.GuestPortalService;
import io.portico.guest.MacAddress;
import io.portico.guest.PortalStatus;
import io.portico.hotspot.PortalHotspot;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * What a signed-in guest sees: the status page (time and data left, sign out at the gateway,
 * back to where they were going), the RFC 8908 Captive Portal API the phone's OS asks, and the
 * operator's theme stylesheet the pages link.
 */
@Controller
@Hidden
class PortalStatusController extends PortalErrorPages {

    static final MediaType CAPTIVE_JSON = MediaType.parseMediaType("application/captive+json");

    private final PortalJourney journey;
    private final GuestPortalService guests;

    PortalStatusController(PortalJourney journey, GuestPortalService guests) {
        super(journey);
        this.journey = journey;
        this.guests = guests;
    }

    /** The status page, by the sealed {@code state} of the portal's own links or the short link {@code s} gateways carry. */
    @GetMapping("/portal/{nas}/status")
    String status(@PathVariable String nas, @RequestParam(required = false) @Nullable String state,
                  @RequestParam(name = PortalJourney.STATUS_LINK, required = false) @Nullable String link,
                  HttpServletRequest request, Model model) {
        PortalHotspot portal = journey.portal(nas);
        PortalState opened = journey.openStatus(portal, state, link);
        return journey.statusPage(model, portal, opened, link, status(portal, opened), request);
    }

    /**
     * RFC 8908: {@code captive} and the portal URL for a phone the portal cannot place; with the
     * {@code state} or status link {@code s} of a signed-in device, its time left and, for a
     * capped plan, the bytes left (RFC 8908 section 5's {@code bytes-remaining}). The OS polls
     * this, so the answer is private to the device and never cached by a proxy.
     */
    @GetMapping(path = "/portal/{nas}/api")
    ResponseEntity<Map<String, Object>> captiveApi(@PathVariable String nas, @RequestParam(required = false) @Nullable String state,
                                                   @RequestParam(name = PortalJourney.STATUS_LINK, required = false) @Nullable String link) {
        PortalHotspot portal = journey.portal(nas);
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<PortalStatus> status = state == null && link == null ? Optional.empty()
                : status(portal, journey.openStatus(portal, state, link));
        body.put("captive", status.isEmpty());
        body.put("user-portal-url", ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/{nas}")
                .encode().buildAndExpand(nas).toUriString());
        status.ifPresent(s -> {
            body.put("seconds-remaining", Math.max(0, s.timeLeft().toSeconds()));
            journey.data(portal, s).ifPresent(data -> body.put("bytes-remaining", data.leftBytes()));
            body.put("can-extend-session", s.canExtend() || !journey.offers(portal).isEmpty());
        });
        return ResponseEntity.ok().contentType(CAPTIVE_JSON).cacheControl(CacheControl.noCache().cachePrivate()).body(body);
    }

    /** The unsubscribe link (status page, marketing e-mails): a page with one button, so a link preview never unsubscribes. */
    @GetMapping("/portal/{nas}/unsubscribe")
    String unsubscribePage(@PathVariable String nas, @RequestParam String token, HttpServletRequest request, Model model) {
        return journey.unsubscribePage(model, journey.portal(nas), token, request);
    }

    @PostMapping("/portal/{nas}/unsubscribe")
    String unsubscribe(@PathVariable String nas, @RequestParam String token, HttpServletRequest request, Model model) {
        PortalController.refuseCrossSite(request);
        PortalHotspot portal = journey.portal(nas);
        journey.takeForm(request);
        guests.unsubscribe(token);
        return journey.notice(model, portal, request, "unsubscribe.title", "unsubscribe.done");
    }

    @GetMapping(path = "/portal/{nas}/theme.css", produces = "text/css")
    ResponseEntity<String> theme(@PathVariable String nas) {
        PortalHotspot portal = journey.portal(nas);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .contentType(MediaType.parseMediaType("text/css;charset=UTF-8"))
                .body(journey.look(portal).themeCss());
    }

    private Optional<PortalStatus> status(PortalHotspot portal, PortalState state) {
        return guests.status(portal.hotspot().clientId(), portal.hotspot().id(), new MacAddress(state.mac()));
    }
}
