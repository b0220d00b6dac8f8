package io.portico.gateway.internal;

import java.time.Duration;

import io.portico.gateway.GatewayDriver;
import tools.jackson.databind.json.JsonMapper;

/** Builds a RouterOS driver outside Spring, for tests and the benchmark tools. */
public final class RouterOsDriverFactory {

    private RouterOsDriverFactory() {
    }

    public static GatewayDriver forTests(Duration timeout) {
        return new RouterOsRestDriver(JsonMapper.builder().build(), new GatewayProperties(timeout, timeout, false));
    }
}
