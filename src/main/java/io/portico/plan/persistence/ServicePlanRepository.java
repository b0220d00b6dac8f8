package io.portico.plan.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.plan.FccLabel;
import io.portico.plan.PlanTerms;
import io.portico.plan.ServicePlan;
import tools.jackson.databind.json.JsonMapper;

/** SQL for service plans and their prices; the FCC label is stored as JSON text. */
@Repository
public class ServicePlanRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ServicePlanRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public ServicePlan insert(long operatorId, String key, PlanTerms t, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into service_plan (operator_id, plan_key, name, download_kbps, upload_kbps, concurrent_devices,
                            globally_available, allow_self_signup, description, external_id, fcc_label_json, sms_code, image_url,
                            trial_cycles, billing_cycle_hours, max_trial_cycles, max_free_enrollments, session_timeout_seconds,
                            created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(operatorId, key, t.name(), t.downloadKbps(), t.uploadKbps(), t.concurrentDevices(),
                        t.globallyAvailable(), t.allowSelfSignup(), t.description(), t.externalId(),
                        json.writeValueAsString(t.fccLabel()), t.smsCode(), t.imageUrl(), t.trialCycles(),
                        t.billingCycleHours(), t.maxTrialCyclesPerSubscriberPerVenue(),
                        t.maxFreeEnrollmentsPerSubscriberPerVenue(), t.sessionTimeoutSecondsPerDevice(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        insertPrices(id, t.prices());
        return new ServicePlan(id, operatorId, key, t, now);
    }

    public void update(long id, PlanTerms t) {
        jdbc.sql("""
                        update service_plan set name = ?, download_kbps = ?, upload_kbps = ?, concurrent_devices = ?,
                            globally_available = ?, allow_self_signup = ?, description = ?, external_id = ?, fcc_label_json = ?,
                            sms_code = ?, image_url = ?, trial_cycles = ?, billing_cycle_hours = ?, max_trial_cycles = ?,
                            max_free_enrollments = ?, session_timeout_seconds = ?
                        where id = ?""")
                .params(t.name(), t.downloadKbps(), t.uploadKbps(), t.concurrentDevices(), t.globallyAvailable(),
                        t.allowSelfSignup(), t.description(), t.externalId(), json.writeValueAsString(t.fccLabel()),
                        t.smsCode(), t.imageUrl(), t.trialCycles(), t.billingCycleHours(),
                        t.maxTrialCyclesPerSubscriberPerVenue(), t.maxFreeEnrollmentsPerSubscriberPerVenue(),
                        t.sessionTimeoutSecondsPerDevice(), id)
                .update();
        jdbc.sql("delete from service_plan_price where plan_id = ?").param(id).update();
        insertPrices(id, t.prices());
    }

    private void insertPrices(long planId, Map<String, Long> prices) {
        int position = 0;
        for (var price : prices.entrySet()) {
            jdbc.sql("insert into service_plan_price (plan_id, currency, position, minor_units) values (?, ?, ?, ?)")
                    .params(planId, price.getKey(), position++, price.getValue()).update();
        }
    }

    public Optional<ServicePlan> find(long id) {
        return select("where p.id = ?", id).stream().findFirst();
    }

    public Optional<ServicePlan> findByKey(long operatorId, String key) {
        return select("where p.operator_id = ? and p.plan_key = ?", operatorId, key).stream().findFirst();
    }

    public List<ServicePlan> list(long operatorId) {
        return select("where p.operator_id = ?", operatorId);
    }

    /**
     * The operator's plans by name (then key), {@code limit} of them after the plan {@code afterKey}
     * (from the first when empty or not the operator's).
     */
    public List<ServicePlan> page(long operatorId, Optional<String> afterKey, int limit) {
        if (afterKey.isPresent()) {
            return selectPlans("select p.* from service_plan p join service_plan a on a.operator_id = p.operator_id and a.plan_key = ?"
                    + " where p.operator_id = ? and (p.name > a.name or (p.name = a.name and p.plan_key > a.plan_key))"
                    + " order by p.name, p.plan_key fetch first ? rows only", afterKey.get(), operatorId, limit);
        }
        return selectPlans("select p.* from service_plan p where p.operator_id = ? order by p.name, p.plan_key fetch first ? rows only",
                operatorId, limit);
    }

    /** At most {@code limit} of the operator's plans whose name starts with {@code prefix} (a {@code Slice.prefix}), by name. */
    public List<ServicePlan> named(long operatorId, String prefix, int limit) {
        return selectPlans("select p.* from service_plan p where p.operator_id = ? and lower(p.name) like ? escape '\\'"
                + " order by lower(p.name), p.plan_key fetch first ? rows only", operatorId, prefix, limit);
    }

    private List<ServicePlan> select(String where, Object... params) {
        return selectPlans("select * from service_plan p " + where + " order by p.plan_key", params);
    }

    /** The plans the query reads (one row of {@code service_plan} each, aliased {@code p}), with their prices. */
    private List<ServicePlan> selectPlans(String query, Object... params) {
        record Row(long id, long operatorId, String key, ResultSetValues values) { }
        List<Row> rows = jdbc.sql(query).params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("plan_key"), values(rs)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Long>> prices = new HashMap<>();
        List<Object> ids = new ArrayList<>(rows.stream().map(Row::id).toList());
        jdbc.sql("select pr.* from service_plan_price pr where pr.plan_id in ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") order by pr.plan_id, pr.position")
                .params(ids)
                .query((ResultSet rs) -> {
                    prices.computeIfAbsent(rs.getLong("plan_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("currency").strip(), rs.getLong("minor_units"));
                });
        List<ServicePlan> plans = new ArrayList<>();
        for (Row row : rows) {
            ResultSetValues v = row.values();
            plans.add(new ServicePlan(row.id(), row.operatorId(), row.key(), new PlanTerms(v.name, v.download, v.upload,
                    v.devices, v.global, v.selfSignup, v.description, v.externalId, json.readValue(v.fccJson, FccLabel.class),
                    v.smsCode, v.imageUrl, v.trialCycles, v.cycleHours, prices.getOrDefault(row.id(), Map.of("USD", 0L)),
                    v.maxTrial, v.maxFree, v.timeout), v.createdAt));
        }
        return plans;
    }

    private record ResultSetValues(String name, long download, long upload, int devices, boolean global,
                                   boolean selfSignup, String description, String externalId, String fccJson,
                                   String smsCode, String imageUrl, int trialCycles, double cycleHours, int maxTrial,
                                   int maxFree, int timeout, Instant createdAt) {
    }

    private static ResultSetValues values(ResultSet rs) throws SQLException {
        return new ResultSetValues(rs.getString("name"), rs.getLong("download_kbps"), rs.getLong("upload_kbps"),
                rs.getInt("concurrent_devices"), rs.getBoolean("globally_available"), rs.getBoolean("allow_self_signup"),
                rs.getString("description"), rs.getString("external_id"), rs.getString("fcc_label_json"),
                rs.getString("sms_code"), rs.getString("image_url"), rs.getInt("trial_cycles"),
                rs.getDouble("billing_cycle_hours"), rs.getInt("max_trial_cycles"), rs.getInt("max_free_enrollments"),
                rs.getInt("session_timeout_seconds"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
