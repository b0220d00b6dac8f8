package io.portico.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The console's role rules, as the issue states them. */
class RolePermissionsTest {

    private static Set<Permission> of(Role role) {
        return Arrays.stream(Permission.values()).filter(role::grants).collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    }

    @Test
    void domainAdministratorsMayDoEverything() {
        assertThat(of(Role.DOMAIN_ADMINISTRATORS)).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void accountManagersManagePlansVenuesUnitsSubscribersButNotEquipmentOrSettings() {
        assertThat(of(Role.ACCOUNT_MANAGERS)).contains(Permission.MANAGE_PLANS, Permission.MANAGE_VENUES,
                Permission.MANAGE_SUBSCRIBERS, Permission.READ_CONFIGURATION, Permission.READ_LOGS)
                .doesNotContain(Permission.MANAGE_OPERATOR, Permission.MANAGE_EQUIPMENT, Permission.MANAGE_ADMINISTRATORS);
    }

    @Test
    void customerSupportReadsAndSiemAdministratorsReadLogsOnly() {
        assertThat(of(Role.CUSTOMER_SUPPORT)).containsExactlyInAnyOrder(Permission.READ_CONFIGURATION, Permission.READ_LOGS);
        assertThat(of(Role.SIEM_ADMINISTRATORS)).containsExactly(Permission.READ_LOGS);
    }
}
