package io.portico.identity;

/** The client a guest API token belongs to; every guest API query is scoped by it. */
public record ClientPrincipal(long clientId, long operatorId, long apiTokenId) {

    public ClientPrincipal {
        if (clientId <= 0 || operatorId <= 0) {
            throw new IllegalArgumentException("client and operator ids must be positive");
        }
    }
}
