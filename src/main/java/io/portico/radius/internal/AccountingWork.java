package io.portico.radius.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;

import io.portico.radius.AccountingEvent;

/**
 * The accounting listener's work: event from {@link AccountingStep}, stored by the
 * {@link GroupCommitter}, then answered. The Accounting-Response does not depend on the write, so
 * the request's own (virtual) thread builds it first and then waits for the commit: the writer
 * threads only store and wake the waiting requests, which sign and send nothing themselves.
 */
final class AccountingWork implements RequestPipeline.Work {

    private final AccountingStep step;
    private final GroupCommitter committer;

    AccountingWork(AccountingStep step, GroupCommitter committer) {
        this.step = step;
        this.committer = committer;
    }

    @Override
    public CompletableFuture<byte @Nullable []> process(VerifiedRequest verified) {
        Optional<AccountingEvent> event = step.event(verified);
        byte[] reply = RadiusCodec.reply(RadiusCodec.ACCOUNTING_RESPONSE, verified.request(), List.of(), verified.secret());
        if (event.isEmpty()) {
            return CompletableFuture.completedFuture(reply);
        }
        CompletableFuture<Void> stored = committer.submit(event.get());
        try {
            stored.join();
        } catch (CompletionException | CancellationException e) {
            return CompletableFuture.failedFuture(e.getCause() != null ? e.getCause() : e);
        }
        return CompletableFuture.completedFuture(reply);
    }
}
