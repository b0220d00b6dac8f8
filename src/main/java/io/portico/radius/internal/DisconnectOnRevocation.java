package io.portico.radius.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.portico.guest.GuestPlanRevoked;
import io.portico.radius.DisconnectOutcome;
import io.portico.radius.RadiusService;

/**
 * Ends the open sessions of a device whose guest plan staff revoked: once the revoking
 * transaction has committed (a rolled-back revocation must not cut anyone off), a virtual thread
 * sends the Disconnect-Requests with their retries, so the console's request does not wait for
 * the NAS. Each outcome is logged by {@link DisconnectClient}; a summary is logged here.
 */
@Component
class DisconnectOnRevocation {

    private static final Logger log = LoggerFactory.getLogger(DisconnectOnRevocation.class);

    private final RadiusService radius;

    DisconnectOnRevocation(RadiusService radius) {
        this.radius = radius;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(GuestPlanRevoked revoked) {
        Thread.ofVirtual().name("radius-disconnect-" + revoked.purchaseId()).start(() -> {
            try {
                List<DisconnectOutcome> outcomes = radius.disconnect(revoked.operatorId(), revoked.macAddress());
                log.info("Guest plan purchase {} revoked: {} open session(s) of {} disconnected: {}", revoked.purchaseId(),
                        outcomes.size(), revoked.macAddress(), outcomes);
            } catch (RuntimeException e) {
                log.warn("Disconnect after revoking purchase {} failed: {}", revoked.purchaseId(), e.toString(), e);
            }
        });
    }
}
