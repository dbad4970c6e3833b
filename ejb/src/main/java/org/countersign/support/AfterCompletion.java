package org.countersign.support;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs an action now and again when the current transaction ends, committed or rolled back. */
public final class AfterCompletion {

    private AfterCompletion() {
    }

    /**
     * For a cache of database rows changed in this transaction: dropped now, so this transaction reads its own change,
     * and dropped again at the end, so nobody keeps a value read before the commit or a change that was rolled back.
     */
    public static void nowAndAfter(TransactionSynchronizationRegistry transactions, Runnable action) {
        action.run();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }
}
