package io.portico.radius.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.portico.radius.AccessAttempt;
import io.portico.radius.AccessDecision;
import io.portico.radius.GuestAuthorizer;
import io.portico.radius.ResidentAuthorizer;

/**
 * The Access-Request chain, in the spirit of FreeRADIUS's authorize section: find client (done by
 * {@link RequestPipeline}), find device ({@link DeviceStep}), decide ({@link DecisionStep}), build
 * reply ({@link ReplyStep}). Runs on the listener's virtual thread, so authorizers may block.
 */
@Component
public class AuthorizationChain implements RequestPipeline.Work {

    private final DecisionStep decision;

    public AuthorizationChain(List<ResidentAuthorizer> residents, List<GuestAuthorizer> guests) {
        this.decision = new DecisionStep(residents, guests);
    }

    @Override
    public CompletableFuture<byte @Nullable []> process(VerifiedRequest verified) {
        AccessDecision outcome = decide(verified);
        RadiusCodec.Encoder attributes;
        byte code;
        if (outcome instanceof AccessDecision.Accept accept) {
            attributes = ReplyStep.encodeAccept(accept.grant(), verified.request().getAuthenticator(), verified.secret());
            code = RadiusCodec.ACCESS_ACCEPT;
        } else {
            attributes = ReplyStep.encodeReject(((AccessDecision.Reject) outcome).reason());
            code = RadiusCodec.ACCESS_REJECT;
        }
        return CompletableFuture.completedFuture(RadiusCodec.reply(code, verified.request(), attributes, verified.secret()));
    }

    AccessDecision decide(VerifiedRequest verified) {
        Optional<DeviceStep.Device> device = DeviceStep.identify(verified.request());
        if (device.isEmpty()) {
            return AccessDecision.reject("No device MAC address in the request.");
        }
        String nasIdentifier = RadiusCodec.string(verified.request(), RadiusCodec.NAS_IDENTIFIER).orElse("");
        var attempt = new AccessAttempt(verified.nas().client(), nasIdentifier, device.get().mac(), device.get().username(),
                device.get().credentials(), RadiusCodec.handshake(verified.request(), device.get().mac()));
        return decision.decide(attempt);
    }
}
