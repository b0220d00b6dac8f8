package io.portico.connection.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces one day or hour of the rollup in its own transaction, yielding to a concurrent run that is
 * replacing the same one (the task from another instance, or a direct call while the task runs): both
 * delete what is there and insert anew, so the second to insert meets the first's rows. Its
 * transaction then rolls back whole and the first's figures stand; they were counted from the same
 * sessions. A day or hour left without its row is due again on the next run.
 */
final class RollupTransaction {

    private static final Logger log = LoggerFactory.getLogger(RollupTransaction.class);

    private RollupTransaction() {
    }

    /** Runs {@code replace} in a transaction: true when it committed, false when a concurrent run had the same rows. */
    static boolean replace(TransactionTemplate transactions, String what, Runnable replace) {
        try {
            transactions.executeWithoutResult(tx -> replace.run());
            return true;
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            log.info("Rollup of {} left to a concurrent run ({})", what, e.getClass().getSimpleName());
            return false;
        }
    }
}
