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

import io.portico.identity.TotpEnrolment;
import io.portico.identity.TwoFactorService;
import io.portico.identity.TwoFactorStatus;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.FormGuard;
import io.portico.platform.web.PageText;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The administrator's two-factor sign-in page: turn TOTP on (QR code of the otpauth URI and the
 * secret as text, confirmed with a first code; ten recovery codes shown once), renew recovery
 * codes, turn it off, and for DomainAdministrators require it of every administrator. The
 * identity module decides and audits.
 */
@Controller
@Hidden
class TwoFactorController extends DashboardErrorPages {

    static final String PATH = DashboardWebConfiguration.ACCOUNT_PATH + "/two-factor";
    private static final String STYLESHEET = io.portico.platform.web.AssetVersions.versioned(
            DashboardWebConfiguration.STATIC_PATH, "static/dashboard/", "two-factor.css");

    private final TwoFactorService twoFactor;
    private final DashboardSessions sessions;

    TwoFactorController(DashboardPages pages, TwoFactorService twoFactor, DashboardSessions sessions) {
        super(pages);
        this.twoFactor = twoFactor;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    String page(Actor actor, HttpServletRequest request, Model model) {
        return render(actor, request, model, null, List.of(), null, request.getParameter("saved") != null ? "totp.saved" : null);
    }

    @PostMapping(PATH + "/start")
    String start(Actor actor, @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                 HttpServletRequest request, Model model) {
        sessions.checkForm(request, csrf);
        return render(actor, request, model, twoFactor.startEnrolment(actor), List.of(), null, null);
    }

    @PostMapping(PATH + "/confirm")
    String confirm(Actor actor, @RequestParam(defaultValue = "") String code,
                   @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        sessions.checkForm(request, csrf);
        try {
            return render(actor, request, model, null, twoFactor.confirmEnrolment(actor, code), null, "totp.enabled");
        } catch (PorticoException e) {
            if (e.problem() != Problem.INVALID_INPUT) {
                throw e;
            }
            // The pending secret stays: the same QR code again, for another try.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(actor, request, model, twoFactor.pendingEnrolment(actor).orElse(null), List.of(), e.getMessage(), null);
        }
    }

    @PostMapping(PATH + "/recovery-codes")
    String renew(Actor actor, @RequestParam(defaultValue = "") String code,
                 @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        sessions.checkForm(request, csrf);
        try {
            return render(actor, request, model, null, twoFactor.renewRecoveryCodes(actor, code), null, "totp.renewed");
        } catch (PorticoException e) {
            return refusedHere(actor, request, response, model, e);
        }
    }

    @PostMapping(PATH + "/off")
    String off(Actor actor, @RequestParam(defaultValue = "") String code,
               @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        sessions.checkForm(request, csrf);
        try {
            twoFactor.turnOff(actor, code);
        } catch (PorticoException e) {
            return refusedHere(actor, request, response, model, e);
        }
        return "redirect:" + PATH + "?saved";
    }

    @PostMapping(PATH + "/policy")
    String policy(Actor actor, @RequestParam(defaultValue = "false") boolean required,
                  @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf, HttpServletRequest request) {
        sessions.checkForm(request, csrf);
        twoFactor.requireForOperator(actor, required);
        return "redirect:" + PATH + "?saved";
    }

    private String refusedHere(Actor actor, HttpServletRequest request, HttpServletResponse response, Model model, PorticoException e) {
        if (e.problem() != Problem.INVALID_INPUT && e.problem() != Problem.CONFLICT) {
            throw e;
        }
        response.setStatus(e.problem().status());
        return render(actor, request, model, null, List.of(), e.getMessage(), null);
    }

    private String render(Actor actor, HttpServletRequest request, Model model, @Nullable TotpEnrolment enrolment,
                          List<String> recoveryCodes, @Nullable String error, @Nullable String noticeKey) {
        PageText text = pages.text(request);
        TwoFactorStatus status = twoFactor.status(actor);
        model.addAttribute("page", pages.page(request, actor, null, "totp.title",
                List.of(STYLESHEET), List.of()));
        model.addAttribute("view", new TwoFactorViews.AccountView(status.enabled(), status.requiredByOperator(), status.mustEnrol(),
                status.recoveryCodesLeft(), actor.can(Permission.MANAGE_ADMINISTRATORS),
                enrolment == null ? null : enrolment.secret(),
                enrolment == null ? null : QrCodes.svg(enrolment.otpauthUri(), text.t("totp.qrLabel")),
                recoveryCodes, error, noticeKey == null ? null : text.t(noticeKey)));
        return "dashboard/two-factor";
    }
}
