/**
 * Operator reports (issue 16 §9): the subscription-end report the operator's {@code Reporting}
 * settings ask for, emailed to the DomainAdministrators every {@code ReportingSubscriptionEnd_frequency_hours}
 * with a CSV, and read by the dashboard's Reports page.
 */
@NullMarked
package io.portico.reporting;

import org.jspecify.annotations.NullMarked;
