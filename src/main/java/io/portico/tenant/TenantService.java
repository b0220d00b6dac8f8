package io.portico.tenant;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.tenant.persistence.TenantRepository;

/**
 * Entry point of the tenant module: creates and reads operators and their clients. Called by
 * the first-start bootstrap, the demo loader, and the console facade's client routes.
 */
@Service
public class TenantService {

    private final TenantRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenantService(TenantRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an operator; used at first start and by tests (there is no public route for it). */
    @Transactional
    public Operator createOperator(String key, String name) {
        if (repository.findOperatorByKey(key).isPresent()) {
            throw PorticoException.conflict("An operator with key " + key + " already exists.");
        }
        return repository.insertOperator(new Operator(0, key, name, clock.instant()));
    }

    /** Every operator's id (the scheduled reports visit each). */
    public List<Long> operatorIds() {
        return repository.operatorIds();
    }

    public boolean anyOperatorExists() {
        return repository.countOperators() > 0;
    }

    public Optional<Operator> findOperator(long operatorId) {
        return repository.findOperator(operatorId);
    }

    public Optional<Operator> findOperatorByKey(String key) {
        return repository.findOperatorByKey(key);
    }

    /** Creates a client of the actor's operator; its key defaults to the operator key plus the company. */
    @Transactional
    public Client createClient(Actor actor, String company, String key) {
        actor.require(Permission.MANAGE_CLIENTS);
        Client client = createClient(actor.operatorId(), company, key);
        events.publishEvent(AdministratorActed.by(actor, "/clients/addClient",
                Map.of("message", "Client added: " + client.key() + " (" + client.company() + ")"), clock.instant()));
        return client;
    }

    /** Creates a client without an acting administrator (first start, demo data). */
    @Transactional
    public Client createClient(long operatorId, String company, String key) {
        if (company == null || company.isBlank() || company.length() > 200) {
            throw PorticoException.invalid("company", "Company is required (at most 200 characters).");
        }
        Operator operator = repository.findOperator(operatorId)
                .orElseThrow(() -> PorticoException.notFound("Unknown operator."));
        String clientKey = key == null || key.isBlank() ? operator.key() + "." + Keys.part(company) : key;
        if (repository.findClientByKey(operatorId, clientKey).isPresent()) {
            throw PorticoException.conflict("A client with key " + clientKey + " already exists.");
        }
        return repository.insertClient(new Client(0, operatorId, clientKey, company.strip(), clock.instant()));
    }

    public List<Client> listClients(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.listClients(actor.operatorId());
    }

    /**
     * A page (zero-based) of the operator's clients whose company starts with {@code companyPrefix}
     * (case-insensitive), by company, read in SQL: the dashboard's clients list and its client menus.
     */
    public Slice<Client> clientPage(Actor actor, String companyPrefix, int page, int size) {
        actor.require(Permission.READ_CONFIGURATION);
        return Slice.of(repository.clientPage(actor.operatorId(), Slice.prefix(companyPrefix), Slice.offset(page, size), size + 1), size);
    }

    /** How many clients the operator has. */
    public long countClients(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.countClients(actor.operatorId());
    }

    /** A client of the given operator; empty for unknown ids and other operators' clients. */
    public Optional<Client> findClient(long operatorId, long clientId) {
        return repository.findClient(clientId).filter(c -> c.operatorId() == operatorId);
    }

    /** A client by id, for callers already scoped to it (an authenticated guest API token). */
    public Optional<Client> findClient(long clientId) {
        return repository.findClient(clientId);
    }

    public List<Client> listClients(long operatorId) {
        return repository.listClients(operatorId);
    }
}
