package io.portico.radius.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.portico.radius.AccountingEvent;

/** The accounting listener's work: event from {@link AccountingStep}, stored by the {@link GroupCommitter}, then answered. */
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
        CompletableFuture<Void> stored = event.isPresent() ? committer.submit(event.get()) : CompletableFuture.completedFuture(null);
        return stored.thenApply(ignored -> RadiusCodec.reply(RadiusCodec.ACCOUNTING_RESPONSE, verified.request(), List.of(), verified.secret()));
    }
}
