/**
 * Service plans for resident (MDU) subscriptions: speeds, devices, billing cycle, prices per
 * currency and the FCC broadband label. Subscriptions and the RADIUS replies read them here.
 */
@NullMarked
package io.portico.plan;

import org.jspecify.annotations.NullMarked;
