package io.portico.gateway.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentLogEntry;
import io.portico.equipment.EquipmentService;
import io.portico.gateway.CommandOutcome;
import io.portico.gateway.GatewayChangeFailed;
import io.portico.gateway.GatewayDriver;
import io.portico.gateway.GatewayDrivers;
import io.portico.gateway.GatewayLocator;
import io.portico.gateway.GatewayTarget;
import io.portico.gateway.VlanCommand;
import io.portico.gateway.persistence.RetryRepository;
import io.portico.platform.AdministratorActed;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.subscription.ActiveSubscription;
import io.portico.subscription.PendingVlanChange;
import io.portico.subscription.SubscriptionService;

/**
 * Applies the console's pending VLAN enables and disables to every gateway of the venue through
 * the driver chosen for it, and records what the gateway confirmed, so the pending lists empty.
 * Every command and outcome becomes an equipment log entry; failures also go to the operator
 * log, publish {@link GatewayChangeFailed} (once per outage: at the first failed attempt) and are
 * retried with backoff per gateway and VLAN.
 * The {@link GatewayReconcilerTask} calls {@link #reconcile()} on one instance at a time.
 */
@Component
public class GatewayReconciler {

    /** The equipment log's function_name for the engine's commands, as in the console document. */
    static final String FUNCTION = "vault_networkoperator_equipmentConfigurator";

    private static final Logger log = LoggerFactory.getLogger(GatewayReconciler.class);

    private final SubscriptionService subscriptions;
    private final EquipmentService equipment;
    private final GatewayDrivers drivers;
    private final ObjectProvider<GatewayLocator> locators;
    private final RetryRepository retries;
    private final ReconcilerProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GatewayReconciler(SubscriptionService subscriptions, EquipmentService equipment, GatewayDrivers drivers,
                      ObjectProvider<GatewayLocator> locators, RetryRepository retries, ReconcilerProperties properties, ApplicationEventPublisher events,
                      PlatformTransactionManager transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.equipment = equipment;
        this.drivers = drivers;
        this.locators = locators;
        this.retries = retries;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * One pass over every operator's pending changes; returns the commands sent. A gateway that
     * could not be reached is left alone for the rest of the pass, so an unreachable device costs
     * one timeout per pass, not one per VLAN.
     */
    public int reconcile() {
        int sent = 0;
        Set<Long> unreachable = new HashSet<>();
        for (long operatorId : equipment.operatorsWithGateways()) {
            for (PendingVlanChange change : subscriptions.pendingEnables(operatorId)) {
                sent += apply(operatorId, change, true, unreachable);
            }
            for (PendingVlanChange change : subscriptions.pendingDisables(operatorId)) {
                sent += apply(operatorId, change, false, unreachable);
            }
        }
        return sent;
    }

    private int apply(long operatorId, PendingVlanChange change, boolean enable, Set<Long> unreachable) {
        int sent = 0;
        for (Equipment gateway : equipment.gateways(operatorId, change.venueId())) {
            if (unreachable.contains(gateway.id())) {
                continue;
            }
            Optional<Boolean> confirmed = equipment.confirmedVlanState(gateway.id(), change.vlan());
            boolean needed = enable ? !confirmed.orElse(false) : confirmed.orElse(false);
            GatewayDriver driver = drivers.forEquipment(gateway.manufacturer(), gateway.connectionProtocol());
            if (!needed || driver.name().equals("manual") || waiting(gateway.id(), change.vlan(), enable)) {
                continue;
            }
            VlanCommand command = new VlanCommand(change.vlan(), enable, enable ? speed(operatorId, change.unitId()) : null);
            CommandOutcome outcome = send(operatorId, gateway, driver, command);
            if (!outcome.success() && outcome.statusCode() == 0) {
                unreachable.add(gateway.id());
            }
            transaction.executeWithoutResult(status -> record(operatorId, gateway, driver, command, outcome, change));
            sent++;
        }
        return sent;
    }

    private boolean waiting(long gatewayId, int vlan, boolean enable) {
        return retries.find(gatewayId, vlan)
                .filter(r -> r.enable() == enable && r.nextAttemptAt().isAfter(clock.instant())).isPresent();
    }

    private VlanCommand.@Nullable Speed speed(long operatorId, long unitId) {
        return subscriptions.activeOnUnit(operatorId, unitId).stream().findFirst()
                .filter(s -> s.uploadKbps() > 0 && s.downloadKbps() > 0)
                .map((ActiveSubscription s) -> new VlanCommand.Speed(s.uploadKbps(), s.downloadKbps())).orElse(null);
    }

    private CommandOutcome send(long operatorId, Equipment gateway, GatewayDriver driver, VlanCommand command) {
        GatewayTarget target;
        try {
            target = target(operatorId, gateway);
        } catch (PorticoException | IllegalArgumentException e) {
            return CommandOutcome.failed(0, "Gateway address " + gateway.ipAddress() + " is not usable: " + e.getMessage());
        }
        // Outside any transaction: a slow gateway must not hold database connections or locks.
        return driver.apply(target, command);
    }

    private GatewayTarget target(long operatorId, Equipment gateway) {
        URI base = locators.orderedStream().map(l -> l.locate(gateway)).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> address(gateway));
        return new GatewayTarget(base, gateway.username(), equipment.credentials(operatorId, gateway.id()).orElse(""),
                properties.bridge());
    }

    private URI address(Equipment gateway) {
        String scheme = gateway.connectionProtocol().toLowerCase(Locale.ROOT).equals("http") ? "http" : "https";
        String host = gateway.ipAddress().contains(":") ? "[" + gateway.ipAddress() + "]" : gateway.ipAddress();
        String port = properties.managementPort() == 0 ? "" : ":" + properties.managementPort();
        return URI.create(scheme + "://" + host + port);
    }

    private void record(long operatorId, Equipment gateway, GatewayDriver driver, VlanCommand command, CommandOutcome outcome,
                        PendingVlanChange change) {
        Instant now = clock.instant();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("Command", "modify");
        event.put("PORT", command.vlanId());
        event.put("VLAN", command.vlanId());
        event.put("ChangeAuthStatus", outcome.success() ? "SUCCESS" : "FAIL");
        if (command.speed() != null) {
            event.put("PortSpeedStatus", outcome.success() ? "SUCCESS" : "FAIL");
        }
        if (!outcome.success()) {
            event.put("ERROR", outcome.error() == null ? "Unknown error." : outcome.error());
        }
        event.put("statusCode", outcome.statusCode());
        event.put("Request", command.describe() + " (" + driver.name() + (outcome.success() && !outcome.changed() ? ", already in that state" : "") + ")");
        equipment.record(gateway.id(), new EquipmentLogEntry(now, FUNCTION, event, "", "", null, null, null));
        if (outcome.success()) {
            equipment.recordVlanState(gateway.id(), command.vlanId(), command.enable(), now);
            retries.delete(gateway.id(), command.vlanId());
            log.info("{} on {} applied by {}", command.describe(), gateway.key(), driver.name());
            return;
        }
        int attempts = retries.find(gateway.id(), command.vlanId()).filter(r -> r.enable() == command.enable())
                .map(RetryRepository.Retry::attempts).orElse(0) + 1;
        String error = outcome.error() == null ? "Unknown error." : outcome.error();
        retries.save(gateway.id(), command.vlanId(), command.enable(), attempts, now.plus(properties.backoff(attempts)), error);
        if (attempts == 1) {
            // Staff (operator log) and integrators (webhook) hear of an outage once, at its first failure;
            // the equipment log above keeps every attempt, and the retries go on with backoff.
            events.publishEvent(new AdministratorActed(operatorId, null, RequestOrigin.SYSTEM, FUNCTION, event,
                    change.venueKey(), change.unitKey(), now));
            events.publishEvent(new GatewayChangeFailed(operatorId, gateway.id(), gateway.key(), gateway.venueId(), change.venueKey(), command.vlanId(),
                    command.enable(), outcome.statusCode(), error, attempts, now));
        }
        log.warn("{} on {} failed (attempt {}, status {}): {}", command.describe(), gateway.key(), attempts,
                outcome.statusCode(), error);
    }
}
