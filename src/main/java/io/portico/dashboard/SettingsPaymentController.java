package io.portico.dashboard;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.portico.payment.PayPalSettingsChange;
import io.portico.payment.PaymentService;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.web.FormGuard;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The payment settings page (DomainAdministrators): whether Stripe and PayPal are in test or live
 * mode, and the PayPal settings. Secrets are write-only: the page says "set" or "not set", a blank
 * field keeps the stored value; the payment module seals them and writes the operator log.
 */
@Controller
@Hidden
class SettingsPaymentController extends SettingsForms {

    private final PaymentService payments;

    SettingsPaymentController(DashboardPages pages, DashboardSessions sessions, PaymentService payments) {
        super(pages, sessions);
        this.payments = payments;
    }

    @GetMapping("/dashboard/settings/payment")
    String payment(Actor actor, HttpServletRequest request, Model model) {
        SettingsPage.PAYMENT.require(actor);
        return paymentPage(actor, request, model, null);
    }

    @PostMapping("/dashboard/settings/payment/paypal")
    String savePayPal(Actor actor, @RequestParam(defaultValue = "false") boolean enabled,
                      @RequestParam(defaultValue = "false") boolean sandbox, @RequestParam(defaultValue = "") String clientId,
                      @RequestParam(defaultValue = "") String clientSecret, @RequestParam(defaultValue = "") String webhookId,
                      @RequestParam(defaultValue = "false") boolean removeCredentials,
                      @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        checkForm(actor, SettingsPage.PAYMENT, request, csrf);
        try {
            payments.configurePayPal(actor, new PayPalSettingsChange(enabled, sandbox, clientId, clientSecret, webhookId,
                    removeCredentials));
        } catch (PorticoException e) {
            return paymentPage(actor, request, model, refusal(e, request, response));
        }
        return "redirect:" + SettingsPage.PAYMENT.path() + "?saved";
    }

    private String paymentPage(Actor actor, HttpServletRequest request, Model model, @Nullable String error) {
        model.addAttribute("page", page(request, actor, SettingsPage.PAYMENT, List.of()));
        String webhookUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/payments/paypal/webhook/{operator}")
                .buildAndExpand(actor.operatorId()).toUriString();
        model.addAttribute("view", new SettingsViews.PaymentView(frame(actor, request, SettingsPage.PAYMENT, null, error),
                payments.status(actor), payments.payPalSettings(actor), webhookUrl));
        return "dashboard/settings-payment";
    }
}
