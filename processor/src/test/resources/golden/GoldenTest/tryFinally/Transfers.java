package bank;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Future;

final class Transfers {
    interface Ledger {
        Future<Long> lock(String account);

        Future<Void> unlock(long token);
    }

    final Ledger ledger;

    Transfers(Ledger ledger) {
        this.ledger = ledger;
    }

    @Async
    long withLock(String account) throws InterruptedException {
        long token = await(ledger.lock(account));
        try {
            if (account.isEmpty()) throw new IllegalArgumentException("no account");
            return token * 2;
        } finally {
            await(ledger.unlock(token));
        }
    }
}
