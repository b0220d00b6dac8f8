package io.portico.portal;

/**
 * A gateway hand-over the portal refuses (forged {@code md}, missing MAC, a login URL that is not
 * the gateway's own). The guest sees a friendly page; the reason goes to the log only.
 */
class HandOverException extends RuntimeException {

    HandOverException(String reason) {
        super(reason, null, false, false);
    }
}
