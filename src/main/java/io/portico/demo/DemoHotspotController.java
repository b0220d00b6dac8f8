package io.portico.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;

import io.portico.hotspot.GatewayKind;
import io.portico.platform.PorticoException;
import io.portico.radius.RadiusProperties;
import io.portico.simulator.GatewaySession;
import io.portico.simulator.SimulatedGateway;

/**
 * {@code /demo/hotspot} (with {@code --demo} only): pick a simulated gateway, connect a new phone
 * and walk the guest journey in this browser (the gateway's hand-over, Portico's portal, the login
 * at the gateway, RADIUS and accounting), then look the guest up in the guest API.
 */
@Controller
@ConditionalOnProperty(name = "portico.demo.enabled", havingValue = "true")
class DemoHotspotController {

    private final DemoHotspots hotspots;
    private final RadiusProperties radius;
    private final DemoProperties demo;

    DemoHotspotController(DemoHotspots hotspots, RadiusProperties radius, DemoProperties demo) {
        this.hotspots = hotspots;
        this.radius = radius;
        this.demo = demo;
    }

    @GetMapping("/demo/hotspot")
    String page(Model model) {
        List<DemoHotspotView.Gateway> gateways = hotspots.gateways().stream().map(DemoHotspotController::view).toList();
        String base = hotspots.gateways().isEmpty() ? "" : hotspots.gateways().getFirst().simulator().settings().portalUrl()
                .resolve("/").toString().replaceAll("/$", "");
        model.addAttribute("view", new DemoHotspotView(gateways, base, radius.enabled(),
                demo.apiToken() != null && !demo.apiToken().isBlank()));
        return "demo/hotspot";
    }

    /** A new phone (a random MAC, so a new guest) opens a page; the gateway hands it to the portal. */
    @PostMapping("/demo/hotspot/{kind}")
    RedirectView connectPhone(@PathVariable String kind) {
        var gateway = hotspots.gateway(kindOf(kind)).orElseThrow(() -> PorticoException.notFound("No simulated " + kind + " gateway."));
        hotspots.newPhone(gateway);
        var redirect = new RedirectView(gateway.simulator().internetUrl().toString());
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return redirect;
    }

    private static GatewayKind kindOf(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "mikrotik" -> GatewayKind.MIKROTIK;
            case "coovachilli" -> GatewayKind.COOVACHILLI;
            default -> throw PorticoException.notFound("No simulated " + kind + " gateway.");
        };
    }

    private static DemoHotspotView.Gateway view(DemoHotspots.Gateway gateway) {
        SimulatedGateway simulator = gateway.simulator();
        var phone = simulator.phone();
        var session = simulator.session(phone);
        List<String> granted = session.map(GatewaySession::granted).map(reply -> reply.attributes().entrySet().stream()
                .filter(e -> !e.getKey().equals("Message-Authenticator"))
                .map((Map.Entry<String, List<String>> e) -> e.getKey() + " = " + String.join(", ", e.getValue())).toList())
                .orElse(List.of());
        return new DemoHotspotView.Gateway(gateway.kind() == GatewayKind.MIKROTIK ? "MikroTik Hotspot" : "CoovaChilli",
                gateway.hotspot().name(), gateway.hotspot().nasIdentifier(), simulator.baseUrl().toString(), phone.dashMac(), phone.ip(),
                "/demo/hotspot/" + gateway.kind().name().toLowerCase(Locale.ROOT), simulator.internetUrl().toString(),
                session.isPresent() ? simulator.baseUrl() + simulator.logoutPath() : null, granted, simulator.endedSessions().size());
    }
}
