package shop;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Future;

final class Checkout {
    interface Bank {
        Future<Boolean> decrement(int cost);
    }

    interface Inventory {
        Future<String> take(String item);
    }

    static final class PaymentException extends Exception {}

    final Bank bank;
    final Inventory inventory;

    Checkout(Bank bank, Inventory inventory) {
        this.bank = bank;
        this.inventory = inventory;
    }

    @Async
    boolean buy(String item, int cost) throws PaymentException {
        if (!await(bank.decrement(cost))) return false;     // Future<Boolean>
        String receipt = reserve(item);                     // another @Async method: implicit await
        return receipt != null;
    }

    @Async
    String reserve(String item) {
        return await(inventory.take(item));
    }
}
