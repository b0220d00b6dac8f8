package io.portico.hotspot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.hotspot.AfterLogin;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;

/** SQL for the hotspot_portal table: the settings as columns, the secrets as sealed text (never opened here). */
@Repository
public class PortalRepository {

    /** A stored portal row: the settings and the still-sealed secrets. */
    public record PortalRow(long hotspotId, PortalSettings settings, @Nullable String uamSecretSealed,
                            @Nullable String unifiControllerUrl, @Nullable String unifiUsername,
                            @Nullable String unifiPasswordSealed, @Nullable String unifiApiKeySealed,
                            @Nullable String unifiIntegrationSite) {
    }

    private final JdbcClient jdbc;

    PortalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PortalRow> find(long hotspotId) {
        return jdbc.sql("select * from hotspot_portal where hotspot_id = ?").param(hotspotId)
                .query(PortalRepository::row).optional();
    }

    /** The hotspot ids whose portal is reachable under the NAS-Identifier, across operators. */
    public List<Long> hotspotIdsByNasIdentifier(String nasIdentifier) {
        return jdbc.sql("""
                        select p.hotspot_id from hotspot_portal p join hotspot h on h.id = p.hotspot_id
                        where h.nas_identifier = ? order by p.hotspot_id""")
                .param(nasIdentifier).query(Long.class).list();
    }

    public List<Long> hotspotIdsByUnifiSite(String site) {
        return jdbc.sql("select hotspot_id from hotspot_portal where unifi_site = ? order by hotspot_id")
                .param(site).query(Long.class).list();
    }

    public void save(PortalRow row, Instant at) {
        PortalSettings s = row.settings();
        Object[] values = {s.gatewayKind().name(), join(s.methods().stream().map(Enum::name).toList()),
                s.freePlanId(SignInMethod.CLICK_THROUGH).orElse(null), s.freePlanId(SignInMethod.FORM).orElse(null),
                join(List.copyOf(s.requiredFields())), join(List.copyOf(s.optionalFields())), row.uamSecretSealed(),
                s.unifiSite().orElse(null), row.unifiControllerUrl(), row.unifiUsername(), row.unifiPasswordSealed(),
                row.unifiApiKeySealed(), row.unifiIntegrationSite(), s.afterLogin().text(),
                s.gatewayLoginHost().orElse(null), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), row.hotspotId()};
        int updated = jdbc.sql("""
                        update hotspot_portal set gateway_kind = ?, methods = ?, click_through_plan_id = ?, form_plan_id = ?,
                               required_fields = ?, optional_fields = ?, uam_secret_sealed = ?, unifi_site = ?,
                               unifi_controller_url = ?, unifi_username = ?, unifi_password_sealed = ?,
                               unifi_api_key_sealed = ?, unifi_integration_site = ?, after_login = ?,
                               gateway_login_host = ?, updated_at = ?
                        where hotspot_id = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into hotspot_portal (gateway_kind, methods, click_through_plan_id, form_plan_id,
                                   required_fields, optional_fields, uam_secret_sealed, unifi_site, unifi_controller_url,
                                   unifi_username, unifi_password_sealed, unifi_api_key_sealed, unifi_integration_site,
                                   after_login, gateway_login_host, updated_at, hotspot_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        }
    }

    private static PortalRow row(ResultSet rs, int n) throws SQLException {
        Set<SignInMethod> methods = EnumSet.noneOf(SignInMethod.class);
        split(rs.getString("methods")).forEach(m -> methods.add(SignInMethod.valueOf(m)));
        Map<SignInMethod, Long> plans = new EnumMap<>(SignInMethod.class);
        long clickThrough = rs.getLong("click_through_plan_id");
        if (!rs.wasNull()) {
            plans.put(SignInMethod.CLICK_THROUGH, clickThrough);
        }
        long form = rs.getLong("form_plan_id");
        if (!rs.wasNull()) {
            plans.put(SignInMethod.FORM, form);
        }
        PortalSettings settings = new PortalSettings(GatewayKind.valueOf(rs.getString("gateway_kind")), methods, plans,
                split(rs.getString("required_fields")), split(rs.getString("optional_fields")),
                Optional.ofNullable(rs.getString("unifi_site")), AfterLogin.parse(rs.getString("after_login")),
                Optional.ofNullable(rs.getString("gateway_login_host")));
        return new PortalRow(rs.getLong("hotspot_id"), settings, rs.getString("uam_secret_sealed"),
                rs.getString("unifi_controller_url"), rs.getString("unifi_username"), rs.getString("unifi_password_sealed"),
                rs.getString("unifi_api_key_sealed"), rs.getString("unifi_integration_site"));
    }

    private static String join(List<String> values) {
        return String.join(",", values);
    }

    private static Set<String> split(String joined) {
        return joined.isEmpty() ? Set.of()
                : Arrays.stream(joined.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
