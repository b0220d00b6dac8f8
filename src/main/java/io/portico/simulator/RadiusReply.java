package io.portico.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Portico answered to a simulated gateway's Access-Request: accepted or not, and every reply
 * attribute by its dictionary name (vendor attributes by their own name, e.g.
 * {@code WISPr-Bandwidth-Max-Down}), in the order received.
 */
public record RadiusReply(boolean accepted, Map<String, List<String>> attributes) {

    public RadiusReply {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> first(String attribute) {
        return attributes.getOrDefault(attribute, List.of()).stream().findFirst();
    }

    public Optional<String> replyMessage() {
        return first("Reply-Message");
    }
}
