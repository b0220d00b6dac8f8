package io.portico.demo;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.identity.IdentityService;
import io.portico.platform.Role;
import io.portico.tenant.Operator;
import io.portico.tenant.TenantService;

/**
 * Loads the demo data set once: the demo operator with one administrator per role, two clients
 * (the first with {@code PORTICO_DEMO_API_TOKEN} when set), then every module's {@link DemoSeed}.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    static final String OPERATOR_KEY = "USA.MA.02139.PORTICODEMO.CAMBRIDGE";
    static final String DOMAIN = "demo.portico.example";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoProperties properties;
    private final TenantService tenants;
    private final IdentityService identity;
    private final List<DemoSeed> seeds;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoDataLoader(DemoProperties properties, TenantService tenants, IdentityService identity, List<DemoSeed> seeds,
                   TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.tenants = tenants;
        this.identity = identity;
        this.seeds = seeds;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (tenants.findOperatorByKey(OPERATOR_KEY).isPresent()) {
            log.info("Demo data already loaded (operator {})", OPERATOR_KEY);
            return;
        }
        transactions.executeWithoutResult(tx -> load());
    }

    private void load() {
        Operator operator = tenants.createOperator(OPERATOR_KEY, "Portico Demo Networks");
        DemoContext context = new DemoContext(operator, clock.instant());
        for (Role role : Role.values()) {
            String local = role.wireName().toLowerCase();
            identity.createAdministrator(operator.id(), local + "@" + DOMAIN, "Demo " + role.wireName(),
                    properties.adminPassword(), Set.of(role));
        }
        context.addClient(tenants.createClient(operator.id(), "Harbor Cafes", "USA.MA.02139.HARBORCAFES.CAMBRIDGE"));
        context.addClient(tenants.createClient(operator.id(), "Summit Arena", "USA.MA.02139.SUMMITARENA.BOSTON"));
        if (properties.apiToken() != null && !properties.apiToken().isBlank()) {
            identity.installApiToken(context.clients().getFirst().id(), "Demo token (PORTICO_DEMO_API_TOKEN)", properties.apiToken());
        }
        seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).forEach(seed -> seed.seed(context));
        log.info("Demo data loaded: operator '{}', {} clients. Sign in as domainadministrators@{} with the demo password.",
                operator.name(), context.clients().size(), DOMAIN);
    }
}
