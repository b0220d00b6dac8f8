package io.portico.radius.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.portico.radius.AccessAttempt;
import io.portico.radius.AccessDecision;
import io.portico.radius.GuestAuthorizer;
import io.portico.radius.NasClient;
import io.portico.radius.ResidentAuthorizer;

/**
 * Step 3 of the authorisation chain: asks the domain. A NAS linked to a venue gateway asks the
 * resident authorizers, one linked to a hotspot the guest authorizers (a NAS linked to both asks
 * residents first). The first Accept or Reject wins; when every authorizer says "not mine", or
 * none is installed, the device is rejected as unknown.
 */
final class DecisionStep {

    private static final Logger log = LoggerFactory.getLogger(DecisionStep.class);

    private final List<ResidentAuthorizer> residents;
    private final List<GuestAuthorizer> guests;

    DecisionStep(List<ResidentAuthorizer> residents, List<GuestAuthorizer> guests) {
        this.residents = List.copyOf(residents);
        this.guests = List.copyOf(guests);
    }

    AccessDecision decide(AccessAttempt attempt) {
        NasClient nas = attempt.nas();
        if (nas.hotspotId().isEmpty() && nas.equipmentId().isEmpty()) {
            return AccessDecision.reject("This gateway is not linked to a hotspot or venue.");
        }
        if (nas.equipmentId().isPresent()) {
            for (ResidentAuthorizer authorizer : residents) {
                AccessDecision d = ask(() -> authorizer.authorize(nas.equipmentId().get(), attempt));
                if (!(d instanceof AccessDecision.NotMine)) {
                    return d;
                }
            }
        }
        if (nas.hotspotId().isPresent()) {
            for (GuestAuthorizer authorizer : guests) {
                AccessDecision d = ask(() -> authorizer.authorize(nas.hotspotId().get(), attempt));
                if (!(d instanceof AccessDecision.NotMine)) {
                    return d;
                }
            }
        }
        return AccessDecision.reject("Unknown device.");
    }

    /** An authorizer that fails rejects this one request instead of dropping it (the NAS would retry into the same failure). */
    private static AccessDecision ask(java.util.function.Supplier<AccessDecision> authorizer) {
        try {
            return authorizer.get();
        } catch (RuntimeException e) {
            log.warn("RADIUS authorizer failed: {}", e.toString(), e);
            return AccessDecision.reject("Authorisation is unavailable, try again later.");
        }
    }
}
