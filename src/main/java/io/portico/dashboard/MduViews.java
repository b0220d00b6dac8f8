package io.portico.dashboard;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentType;
import io.portico.plan.ServicePlan;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.venue.Venue;

/** The Buildings (MDU) pages' models, public for the precompiled templates. */
public final class MduViews {

    private MduViews() {
    }

    public static List<UnitPurpose> purposes() {
        return List.of(UnitPurpose.values());
    }

    public static List<EquipmentType> equipmentTypes() {
        return List.of(EquipmentType.values());
    }

    public static List<String> protocols() {
        return EquipmentDetails.PROTOCOLS.stream().sorted().toList();
    }

    public static List<String> statuses() {
        return EquipmentDetails.STATUSES.stream().sorted().toList();
    }

    public record VenueRow(Venue venue, String client, long units) {
        public String href() {
            return MduVenueController.venuePath(venue);
        }
    }

    public record VenuesView(List<VenueRow> venues, long total, @Nullable String next, Choice clients, boolean canManage,
                             MduForm form) {
    }

    /** @param manual a gateway Portico cannot drive: staff confirm its VLAN changes by hand */
    public record EquipmentRow(Equipment equipment, boolean manual) {
    }

    /**
     * @param units     one page of the venue's units (those matching {@code unitQuery})
     * @param unitsBase the pager's links up to {@code page=}
     */
    public record VenueView(Venue venue, String client, SetupViews.Paged<Unit> units, String unitQuery, String unitsBase,
                            List<EquipmentRow> equipment, boolean canManageVenue,
                            boolean canManageEquipment, @Nullable String done, MduForm form) {
        public String href() {
            return MduVenueController.venuePath(venue);
        }
    }

    public record UnitView(Venue venue, Unit unit, boolean canManage, MduForm form) {
        public String venueHref() {
            return MduVenueController.venuePath(venue);
        }
    }

    public record LogRow(long id, String at, String iso, String function, String message, String by) {
    }

    public record EquipmentView(Venue venue, EquipmentRow row, List<LogRow> log, @Nullable String older, boolean canReadLog,
                                boolean canManage, @Nullable String done, String zone, MduForm form) {
        public String venueHref() {
            return MduVenueController.venuePath(venue);
        }
    }

    /** A subscriber found by the search. */
    public record SubscriberRow(String token, String email, String name, String phone, String added) {
    }

    public record SubscribersView(String query, List<SubscriberRow> subscribers, @Nullable String next, Choice units,
                                  Choice plans, boolean canManage, String zoneNote, MduForm form) {
    }

    /** One subscription on a subscriber's page, its dates in its venue's zone. */
    public record SubscriptionRow(long id, String venue, String venueHref, String unit, int vlan, String plan, String planKey,
                                  String psk, String state, String stateClass, String starts, String ends, String zone,
                                  String startInput, String endInput, boolean ended) {
    }

    public record SubscriberView(String token, String email, String name, String phone, String locale, String added,
                                 List<SubscriptionRow> subscriptions, Choice plans, boolean canManage,
                                 @Nullable String done, MduForm form) {
    }

    /** A gateway of the venue where a pending change waits, with whether staff confirm it by hand. */
    public record GatewayChoice(String key, String name, boolean manual) {
    }

    public record VlanChangeRow(String venue, String venueHref, String unit, int vlan, String subscriber, String starts, String ends,
                                List<GatewayChoice> gateways) {
    }

    public record VlanChangesView(List<VlanChangeRow> enables, List<VlanChangeRow> disables, boolean canConfirm,
                                  @Nullable String done) {
    }

    public record PlanRow(ServicePlan plan, String href) {
    }

    public record PlansView(List<PlanRow> plans, @Nullable String next, boolean canManage, @Nullable String done, MduForm form) {
    }

    public record PlanView(ServicePlan plan, boolean canManage, MduForm form) {
        public String href() {
            return MduPlanController.path(plan);
        }
    }
}
