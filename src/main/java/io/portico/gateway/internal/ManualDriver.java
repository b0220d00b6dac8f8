package io.portico.gateway.internal;

import org.springframework.stereotype.Component;

import io.portico.gateway.CommandOutcome;
import io.portico.gateway.GatewayDriver;
import io.portico.gateway.GatewayTarget;
import io.portico.gateway.VlanCommand;

/** Sends nothing: the change stays pending until staff confirm it through the console. */
@Component
public class ManualDriver implements GatewayDriver {

    @Override
    public String name() {
        return "manual";
    }

    @Override
    public boolean supports(String manufacturer, String connectionProtocol) {
        return true;
    }

    @Override
    public CommandOutcome apply(GatewayTarget target, VlanCommand command) {
        return CommandOutcome.manual();
    }
}
