package io.portico.subscriberconsole;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.portico.subscription.SubscriberPrincipal;

/** Placeholder for My WiFi until its page lands: says who is signed in. */
@Controller
class WifiPlaceholderController extends SubscriberErrorPages {

    WifiPlaceholderController(SubscriberPages pages) {
        super(pages);
    }

    @GetMapping("/subscriber/wifi")
    String wifi(SubscriberPrincipal principal, HttpServletRequest request, HttpServletResponse response, Model model) {
        SubscriberPage page = pages.frame(model, request, response, principal, 0, "nav.wifi", "wifi");
        return pages.notice(model, request, response, principal, "nav.wifi", page.text().t("wifi.signedInAs", principal.email()));
    }
}
