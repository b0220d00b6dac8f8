package io.portico.support;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.identity.Passwords;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;
import io.portico.tenant.TenantService;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * A fresh operator with a venue, a plan and units for the subscriber console's tests, and
 * residents created the way staff create them (a subscription through SubscriptionService).
 */
public final class ResidentWorld {

    public static final String PASSWORD = "resident password 123";
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_VLAN = new java.util.concurrent.atomic.AtomicInteger(1500);

    public final Operator operator;
    public final Client client;
    public final Venue venue;
    public final ServicePlan plan;
    private final ApplicationContext context;

    public ResidentWorld(ApplicationContext context) {
        this.context = context;
        TenantService tenants = context.getBean(TenantService.class);
        operator = tenants.createOperator("USA.MA.02139.RES" + Fixtures.unique() + ".TEST", "Harbor Residences");
        client = tenants.createClient(operator.id(), "Harbor Properties", null);
        plan = plan("Resident", true, Map.of("USD", 0L));
        venue = context.getBean(VenueService.class).add(operator.id(), new NewVenue(client.id(), "Harbor Lofts",
                new Address("1 Main St", "", "Cambridge", "MA", "02139", "USA"), NewVenue.zone("America/New_York"), ""));
    }

    /** A plan of the operator; {@code selfSignup} sets AllowSelfSignup. */
    public ServicePlan plan(String name, boolean selfSignup, Map<String, Long> prices) {
        return context.getBean(PlanService.class).add(operator.id(), new PlanChanges(name, 100_000L, 20_000L, 10, true,
                selfSignup, name + " plan", "", null, "", "", 0, 730.5, List.copyOf(prices.keySet()), prices, 0, 0, 3600));
    }

    public Unit unit(String name) {
        return context.getBean(UnitService.class).add(operator.id(), venue.key(), new NewUnit(name, "1", "2",
                UnitPurpose.WIRED_UNIT, NEXT_VLAN.getAndIncrement(), ""));
    }

    /** A resident with a subscription in a new unit; their email. */
    public String resident(String locale) {
        String email = "res-" + Fixtures.unique().toLowerCase() + "@example.com";
        IssuedKey key = context.getBean(SubscriptionService.class).addKey(operator.id(), new NewKey(unit("U" + Fixtures.unique()).key(),
                plan.key(), new SubscriberDetails(email, "Rita", "Mar", "+15551230000", locale, false, true),
                null, null, null));
        return key.subscriber().email();
    }

    /** A resident who has set {@link #PASSWORD}. */
    public String residentWithPassword() {
        String email = resident("en-us");
        setPassword(email, PASSWORD);
        return email;
    }

    /** Stores a password hash for the resident (as setPassword does), without a link. */
    public void setPassword(String email, String password) {
        context.getBean(JdbcClient.class).sql("update subscriber set password_hash = ? where operator_id = ? and email = ?")
                .params(context.getBean(Passwords.class).hash(password), operator.id(), email).update();
    }
}
