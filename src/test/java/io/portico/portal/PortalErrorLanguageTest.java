package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.PortalWorld;

/**
 * What the guest module refuses on a sign-in reads in the page's language: known problems by
 * their field, anything else as a general sentence that names nothing internal.
 */
@PorticoIntegrationTest
class PortalErrorLanguageTest {

    private static final String SPANISH = "es-419,es;q=0.9";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private Http.Response submit(PortalWorld w, String mac, String acceptLanguage, Map<String, String> fields) {
        PortalHttp phone = new PortalHttp(port);
        Map<String, String> form = new HashMap<>(fields);
        form.put("state", PortalHttp.state(phone.mikrotikLands(w, mac)));
        form.put("terms", "accepted");
        return phone.signIn(w, form, "Accept-Language", acceptLanguage);
    }

    @Test
    void formProblemsReadInSpanishOnASpanishPage() {
        PortalWorld w = new PortalWorld(context, "Portal Errores", GatewayKind.MIKROTIK);

        Http.Response badEmail = submit(w, "02:00:00:00:f0:01", SPANISH, Map.of("method", "FORM", "email", "no-es-correo"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.raw()).contains("lang=\"es-xl\"", "Ingresa un correo electrónico válido.")
                .doesNotContain("guestEmail", "is not an e-mail address", "Please");

        Http.Response missing = submit(w, "02:00:00:00:f0:02", SPANISH, Map.of("method", "FORM", "firstName", "Ana"));
        assertThat(missing.raw()).contains("Completa: Correo electrónico.").doesNotContain("Please fill in");

        Http.Response badDate = submit(w, "02:00:00:00:f0:03", SPANISH, Map.of("method", "FORM", "email", "ana@example.com",
                "birthDate", "ayer"));
        assertThat(badDate.raw()).contains("Ingresa tu fecha de nacimiento como una fecha.").doesNotContain("birthDate must");

        Http.Response noVoucher = submit(w, "02:00:00:00:f0:04", SPANISH, Map.of("method", "VOUCHER", "voucherCode", " "));
        assertThat(noVoucher.raw()).contains("Ingresa tu código de cupón.").doesNotContain("Please enter");

        Http.Response english = submit(w, "02:00:00:00:f0:05", "en-US", Map.of("method", "FORM", "email", "not-an-email"));
        assertThat(english.raw()).contains("Please enter a valid e-mail address.").doesNotContain("guestEmail");
    }

    @Test
    void anUnknownProblemGetsATranslatedGeneralSentenceAndLeaksNothing() {
        PortalWorld w = new PortalWorld(context, "Portal Desconocido", GatewayKind.MIKROTIK);
        w.reconfigure(s -> new PortalSettings(s.gatewayKind(), Set.of(SignInMethod.CLICK_THROUGH), s.freePlanIds(), Set.of(),
                Set.of(), s.unifiSite()));

        // a form from before the operator dropped the method: the guest module's English has no portal text
        Http.Response notOffered = submit(w, "02:00:00:00:f0:06", SPANISH, Map.of("method", "FORM", "email", "ana@example.com"));

        assertThat(notOffered.status()).isEqualTo(400);
        assertThat(notOffered.raw()).contains("lang=\"es-xl\"",
                        "No pudimos completar tu inicio de sesión. Revisa lo que ingresaste e inténtalo de nuevo.")
                .doesNotContain("not offered", "Exception", "Please");
    }

    @Test
    void aUsedVoucherAndTooManyVoucherAttemptsReadInSpanish() {
        PortalWorld w = new PortalWorld(context, "Portal Cupones", GatewayKind.MIKROTIK);
        String code = w.voucher();
        assertThat(submit(w, "02:00:00:00:f0:07", SPANISH, Map.of("method", "VOUCHER", "voucherCode", code)).status())
                .as("the first device redeems it").isEqualTo(302);

        Http.Response used = submit(w, "02:00:00:00:f0:08", SPANISH, Map.of("method", "VOUCHER", "voucherCode", code));
        assertThat(used.status()).isEqualTo(409);
        assertThat(used.raw()).contains("lang=\"es-xl\"", "Este código de cupón no es válido o ya se usó.")
                .doesNotContain("already been used", "has expired", "used up");

        // five attempts per device and window: the sixth is refused before the code is even looked at
        for (int i = 0; i < 5; i++) {
            Http.Response wrong = submit(w, "02:00:00:00:f0:09", SPANISH, Map.of("method", "VOUCHER", "voucherCode", "NOPE" + i));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.raw()).contains("Este código de cupón no es válido o ya se usó.");
        }
        Http.Response limited = submit(w, "02:00:00:00:f0:09", SPANISH, Map.of("method", "VOUCHER", "voucherCode", code));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.raw()).contains("lang=\"es-xl\"").containsPattern("Demasiados intentos\\. Espera \\d+ segundos")
                .doesNotContain("Too many", "Please try again", "minute");
    }

    @Test
    void anUnknownUnsubscribeLinkIsAFriendlySpanishPageNotAnIncident() {
        PortalWorld w = new PortalWorld(context, "Portal Enlace", GatewayKind.MIKROTIK);

        Http.Response page = new PortalHttp(port).post("/portal/" + w.hotspot.nasIdentifier() + "/unsubscribe",
                Map.of("token", "no-such-token"), "Accept-Language", SPANISH);

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.raw()).contains("lang=\"es-xl\"", "Este enlace no es válido o ya caducó.")
                .doesNotContain("unsubscribe link is not valid", "Algo salió mal");
    }
}
