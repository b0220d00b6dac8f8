package io.portico.support;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.portico.identity.IdentityService;
import io.portico.identity.IssuedApiToken;
import io.portico.platform.Role;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;
import io.portico.tenant.TenantService;

/**
 * Creates fresh, isolated tenants for tests: each call makes a new operator (and client) with
 * unique keys, so tests never see each other's data even on a shared database.
 */
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TenantService tenants;
    private final IdentityService identity;

    Fixtures(TenantService tenants, IdentityService identity) {
        this.tenants = tenants;
        this.identity = identity;
    }

    /** A new operator with a unique key. */
    public Operator operator() {
        String id = unique();
        return tenants.createOperator("USA.MA.02139.OP" + id + ".TEST", "Operator " + id);
    }

    /** A new administrator of the operator with the roles; password {@link #PASSWORD}. */
    public String administrator(Operator operator, Role... roles) {
        String email = "admin-" + unique().toLowerCase() + "@example.com";
        identity.createAdministrator(operator.id(), email, "Admin " + email, PASSWORD, Set.of(roles));
        return email;
    }

    public Client client(Operator operator, String company) {
        return tenants.createClient(operator.id(), company, operator.key() + "." + "C" + unique());
    }

    /** A new API token for the client; the clear token is in the result. */
    public IssuedApiToken apiToken(Client client) {
        return identity.installApiToken(client.id(), "test", "ptk_test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    public static String unique() {
        return SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
