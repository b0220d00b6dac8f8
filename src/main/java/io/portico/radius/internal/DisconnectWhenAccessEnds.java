package io.portico.radius.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.portico.guest.GuestPlanRevoked;
import io.portico.guest.MacAddress;
import io.portico.radius.RadiusService;
import io.portico.radius.persistence.ResidentDeviceRepository;
import io.portico.subscription.SubscriptionEnded;

/**
 * Ends the open sessions of devices whose access ended: a guest plan staff revoked
 * ({@link GuestPlanRevoked}, published by the guest module) or a subscription that ended
 * ({@link SubscriptionEnded}, published by the subscription engine; its devices are those the
 * resident authorizer let in under it). Runs once the publishing transaction has committed (a
 * rolled-back change must not cut anyone off) and sends the Disconnect-Requests, with their
 * retries, on a virtual thread so the publisher never waits for a NAS. Each is tracked by
 * {@link DisconnectTracker}: done only once the NAS ACKed and the session's Stop arrived, otherwise
 * retried and written to the operator log.
 */
@Component
class DisconnectWhenAccessEnds {

    private static final Logger log = LoggerFactory.getLogger(DisconnectWhenAccessEnds.class);

    private final RadiusService radius;
    private final ResidentDeviceRepository residents;

    DisconnectWhenAccessEnds(RadiusService radius, ResidentDeviceRepository residents) {
        this.radius = radius;
        this.residents = residents;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(GuestPlanRevoked revoked) {
        disconnect("Guest plan purchase " + revoked.purchaseId() + " revoked", revoked.operatorId(), List.of(revoked.macAddress()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SubscriptionEnded ended) {
        disconnect("Subscription " + ended.subscriptionId() + " ended", ended.operatorId(),
                residents.devices(ended.operatorId(), ended.subscriptionId()));
    }

    private void disconnect(String why, long operatorId, List<MacAddress> devices) {
        if (devices.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("radius-disconnect").start(() -> {
            for (MacAddress device : devices) {
                try {
                    int requested = radius.disconnectTracked(operatorId, device, why);
                    log.info("{}: {} open session(s) of {} to disconnect", why, requested, device);
                } catch (RuntimeException e) {
                    log.warn("{}: disconnecting {} failed: {}", why, device, e.toString(), e);
                }
            }
        });
    }
}
