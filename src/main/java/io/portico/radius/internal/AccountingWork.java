package io.portico.radius.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.portico.radius.AccountingEvent;

/**
 * The accounting listener's work: event from {@link AccountingStep}, stored by the
 * {@link GroupCommitter}, then answered. It never blocks, so the listener runs it on its receiving
 * thread: the Accounting-Response does not depend on the write and is built before the event is
 * queued; once the batch has committed, the writer completes the future and the reply goes out.
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
        return committer.submit(event.get()).thenApply(stored -> reply);
    }
}
