package io.portico.radius.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.context.ApplicationContext;

import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.support.LoopbackNas;
import io.portico.support.Radclient;

/**
 * A venue gateway for tests outside the radius module (the subscriber console's browser tests):
 * Portico's real RADIUS server on loopback, a registered NAS client, FreeRADIUS's radclient for
 * its Access-Requests and accounting, and a loopback NAS that receives the Disconnect-Requests.
 */
public final class ResidentGateway implements AutoCloseable {

    private final RadiusServer server;
    private final LoopbackNas nas;
    private final String nasIdentifier;

    private ResidentGateway(RadiusServer server, LoopbackNas nas, String nasIdentifier) {
        this.server = server;
        this.nas = nas;
        this.nasIdentifier = nasIdentifier;
    }

    /** Starts RADIUS and registers a gateway NAS of the operator's equipment; skips the test when radclient is missing. */
    public static ResidentGateway start(ApplicationContext context, long operatorId, long gatewayEquipmentId, String nasIdentifier)
            throws java.io.IOException {
        Radclient.requireInstalled();
        var nas = new LoopbackNas(DisconnectClientTest.SECRET, 0, RadiusCodec.DISCONNECT_ACK, new byte[0]);
        context.getBean(RadiusService.class).register(new NewNasClient(operatorId, "Resident gateway", NasNetwork.parse("127.0.0.1"),
                nasIdentifier, DisconnectClientTest.SECRET, Optional.empty(), Optional.of(gatewayEquipmentId), nas.address().getPort()));
        return new ResidentGateway(TestRadius.startDomain(context), nas, nasIdentifier);
    }

    /** A device asks with the key as PAP password (MAC as User-Name); true when Portico accepts. */
    public boolean accepts(String mac, String key) {
        var result = Radclient.send(server.authPort(), "auth", DisconnectClientTest.SECRET, "User-Name = \"" + mac + "\"",
                "User-Password = \"" + key + "\"", "Calling-Station-Id = \"" + mac + "\"", "NAS-Identifier = \"" + nasIdentifier + "\"",
                "Message-Authenticator = 0x00");
        if (!result.received("Access-Accept") && !result.received("Access-Reject")) {
            throw new IllegalStateException("no answer from Portico: " + result.output());
        }
        return result.received("Access-Accept");
    }

    /** An interim update of the device's session with these counters. */
    public void interim(String sessionId, String mac, long inputOctets, long outputOctets) {
        accounting("Interim-Update", sessionId, mac, "Acct-Input-Octets = " + inputOctets, "Acct-Output-Octets = " + outputOctets,
                "Acct-Session-Time = 60");
    }

    /** An Accounting-Request of the device's session ({@code Start}, {@code Interim-Update}, {@code Stop}) with more attributes. */
    public void accounting(String status, String sessionId, String mac, String... more) {
        String[] attributes = new String[5 + more.length];
        attributes[0] = "Acct-Status-Type = " + status;
        attributes[1] = "Acct-Session-Id = \"" + sessionId + "\"";
        attributes[2] = "User-Name = \"" + mac.replace("-", "") + "\"";
        attributes[3] = "Calling-Station-Id = \"" + mac + "\"";
        attributes[4] = "NAS-Identifier = \"" + nasIdentifier + "\"";
        System.arraycopy(more, 0, attributes, 5, more.length);
        var result = Radclient.send(server.acctPort(), "acct", DisconnectClientTest.SECRET, attributes);
        if (!result.received("Accounting-Response")) {
            throw new IllegalStateException("accounting not answered: " + result.output());
        }
    }

    /** Disconnect-Requests the NAS has received so far. */
    public int disconnectRequests() {
        return nas.received.get();
    }

    /** The last Disconnect-Request's bytes as text (attribute values such as the Acct-Session-Id show in it). */
    public String lastDisconnectRequest() {
        return new String(nas.lastRequest, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        TestRadius.stop(server);
        nas.close();
    }
}
