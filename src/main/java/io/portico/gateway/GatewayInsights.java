package io.portico.gateway;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.gateway.persistence.RetryRepository;
import io.portico.platform.Actor;
import io.portico.platform.Permission;

/** The dashboard overview's count of VLAN changes gateways refused or did not answer (waiting for a retry). */
@Service
public class GatewayInsights {

    private final RetryRepository retries;

    GatewayInsights(RetryRepository retries) {
        this.retries = retries;
    }

    @Transactional(readOnly = true)
    public long failedChanges(Actor actor, Optional<Long> venueId) {
        actor.require(Permission.READ_CONFIGURATION);
        return retries.countForOperator(actor.operatorId(), venueId);
    }
}
