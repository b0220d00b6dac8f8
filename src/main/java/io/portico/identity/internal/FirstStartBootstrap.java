package io.portico.identity.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.identity.BootstrapProperties;
import io.portico.identity.IdentityService;
import io.portico.platform.Role;
import io.portico.tenant.Keys;
import io.portico.tenant.Operator;
import io.portico.tenant.TenantService;

/**
 * On an empty database, creates the first operator and its DomainAdministrator from
 * {@code PORTICO_BOOTSTRAP_ADMIN_EMAIL} / {@code PORTICO_BOOTSTRAP_ADMIN_PASSWORD}.
 */
@Component
@Order(0)
class FirstStartBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStartBootstrap.class);

    private final BootstrapProperties properties;
    private final TenantService tenants;
    private final IdentityService identity;
    private final TransactionTemplate transactions;

    FirstStartBootstrap(BootstrapProperties properties, TenantService tenants, IdentityService identity,
                        TransactionTemplate transactions) {
        this.properties = properties;
        this.tenants = tenants;
        this.identity = identity;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = properties.adminEmail();
        String password = properties.adminPassword();
        if (email == null || email.isBlank() || password == null || password.isBlank()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            if (tenants.anyOperatorExists()) {
                log.info("First-start bootstrap skipped: the database already has an operator");
                return;
            }
            Operator operator = tenants.createOperator(Keys.part(properties.operatorKey()), properties.operatorName());
            identity.createAdministrator(operator.id(), email, "Administrator", password, Set.of(Role.DOMAIN_ADMINISTRATORS));
            log.info("First start: created operator '{}' and DomainAdministrator {}", operator.name(), email.strip().toLowerCase());
        });
    }
}
