package io.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.tenant.Operator;

/** Removing an administrator (the dashboard's Administrators page): their sessions end, and nobody removes themselves. */
@PorticoIntegrationTest
class AdministratorRemovalTest {

    @Autowired IdentityService identity;
    @Autowired Fixtures fixtures;

    private final RequestOrigin origin = new RequestOrigin("198.51.100.9", "en-us", "test");

    private Actor signIn(String email) {
        return identity.authenticate(identity.login(email, Fixtures.PASSWORD, origin).accessToken(), origin).orElseThrow();
    }

    @Test
    void aRemovedAdministratorsSessionsEndAndNobodyRemovesThemselves() {
        Operator operator = fixtures.operator();
        Operator other = fixtures.operator();
        String admin = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
        String support = fixtures.administrator(operator, Role.CUSTOMER_SUPPORT);
        String foreign = fixtures.administrator(other, Role.CUSTOMER_SUPPORT);
        Actor actor = signIn(admin);
        String supportToken = identity.login(support, Fixtures.PASSWORD, origin).accessToken();

        assertThatThrownBy(() -> identity.removeAdministrator(actor, admin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        assertThatThrownBy(() -> identity.removeAdministrator(actor, foreign))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        assertThatThrownBy(() -> identity.removeAdministrator(signIn(support), admin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));

        identity.removeAdministrator(actor, support);

        assertThat(identity.listAdministrators(operator.id())).extracting(Administrator::email).containsExactly(admin);
        assertThat(identity.authenticate(supportToken, origin)).isEmpty();
        assertThat(identity.listAdministrators(other.id())).extracting(Administrator::email).containsExactly(foreign);
    }
}
