package io.portico.subscription;

import java.util.List;
import java.util.Map;

/**
 * A subscriber's enrolments against the limits the operator set (staff's getEnrollmentLimits):
 * the operator's ShoppingCart maximums ({@code -1} is unlimited), and for each self-service plan
 * its per-venue maximums and how many of the subscriber's subscriptions use it at each venue.
 * The limits themselves are changed where they live: the ShoppingCart section and each plan.
 */
public record EnrollmentLimits(Subscriber subscriber, int operatorMaxFreeEnrollments, int operatorMaxTrialCycles,
                               int freeEnrollments, List<PlanLimit> plans) {

    public EnrollmentLimits {
        plans = List.copyOf(plans);
    }

    /** One self-service plan: whether it is free, its per-venue maximums, and the subscriber's enrolments by venue key. */
    public record PlanLimit(String planKey, String planName, boolean free, int trialCycles, int maxFreeEnrollmentsPerVenue,
                            int maxTrialCyclesPerVenue, Map<String, Integer> enrollmentsByVenue) {

        public PlanLimit {
            enrollmentsByVenue = Map.copyOf(enrollmentsByVenue);
        }
    }
}
