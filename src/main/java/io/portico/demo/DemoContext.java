package io.portico.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.portico.tenant.Client;
import io.portico.tenant.Operator;

/**
 * What earlier seeds created, for later ones: the demo operator and its clients, the moment the
 * demo was loaded, and a random generator with a fixed seed so every load is the same.
 */
public final class DemoContext {

    private final Operator operator;
    private final List<Client> clients = new ArrayList<>();
    private final Instant now;
    private final Random random = new Random(20261122L);

    DemoContext(Operator operator, Instant now) {
        this.operator = operator;
        this.now = now;
    }

    public Operator operator() {
        return operator;
    }

    public List<Client> clients() {
        return List.copyOf(clients);
    }

    void addClient(Client client) {
        clients.add(client);
    }

    public Instant now() {
        return now;
    }

    public Random random() {
        return random;
    }
}
