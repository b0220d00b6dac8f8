package io.portico.radius.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.portico.guest.GuestPlanRevoked;
import io.portico.radius.RadiusService;
import io.portico.radius.persistence.ResidentDeviceRepository;
import io.portico.subscription.SubscriptionEnded;
import io.portico.subscription.SubscriptionKeyReset;

/**
 * Ends the open sessions of devices whose access ended: a guest plan staff revoked
 * ({@link GuestPlanRevoked}, published by the guest module), a subscription that ended
 * ({@link SubscriptionEnded}, published by the subscription engine) or a subscription whose key
 * was replaced by staff or by the resident ({@link SubscriptionKeyReset}: the old key stops
 * working at once, so the devices it let in must join again with the new one). A subscription's
 * devices are those the resident authorizer let in under it. Runs once the publishing transaction
 * has committed (a rolled-back change must not cut anyone off); {@link RadiusService} sends the
 * Disconnect-Requests, with their retries, on a virtual thread so the publisher never waits for a NAS.
 * Each is tracked by {@link DisconnectTracker}: done only once the NAS ACKed and the session's Stop
 * arrived, otherwise retried and written to the operator log.
 */
@Component
class DisconnectWhenAccessEnds {

    private final RadiusService radius;
    private final ResidentDeviceRepository residents;

    DisconnectWhenAccessEnds(RadiusService radius, ResidentDeviceRepository residents) {
        this.radius = radius;
        this.residents = residents;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(GuestPlanRevoked revoked) {
        radius.disconnectInBackground("Guest plan purchase " + revoked.purchaseId() + " revoked", revoked.operatorId(),
                List.of(revoked.macAddress()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SubscriptionEnded ended) {
        radius.disconnectInBackground("Subscription " + ended.subscriptionId() + " ended", ended.operatorId(),
                residents.devices(ended.operatorId(), ended.subscriptionId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SubscriptionKeyReset reset) {
        radius.disconnectInBackground("Key of subscription " + reset.subscription().subscriptionId() + " replaced",
                reset.operatorId(), residents.devices(reset.operatorId(), reset.subscription().subscriptionId()));
    }
}
