package dev.ratchet.samples.lazy;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Future;
import dev.ratchet.Futures;
import dev.ratchet.runtime.Executor;
import dev.ratchet.runtime.JoinHandle;
import dev.ratchet.samples.Expect;
import dev.ratchet.samples.Narrator;
import java.time.Duration;
import java.util.Objects;

/**
 * Futures are lazy: calling an {@code @Async} method's companion entry ({@code
 * LazyFuturesAsync.greet(...)}) only builds a state machine. Its body runs when the future is
 * polled — because someone awaits it, or because it was spawned as a task. A future that is
 * neither never runs at all (Rust's "futures do nothing unless polled").
 *
 * <pre>{@code
 * Future<String> f = LazyFuturesAsync.greet(sample, "Ferris");   // prints nothing
 * String s = executor.blockOn(f);                                // now the body runs
 * }</pre>
 *
 * Generated state machines: {@code
 * samples/target/generated-sources/annotations/dev/ratchet/samples/lazy/LazyFuturesAsync.java}.
 */
public final class LazyFutures {
    // Fields read by @Async bodies are not private: the bodies run in the generated class.
    final Narrator narrator;

    public LazyFutures(Narrator narrator) {
        this.narrator = Objects.requireNonNull(narrator, "narrator");
    }

    public static void main(String[] args) {
        run();
    }

    /** Runs the demo with a printing narrator and checks what ran; returns the narration. */
    public static Narrator run() {
        Narrator narrator = new Narrator();
        LazyFutures sample = new LazyFutures(narrator);
        try (Executor executor = Executor.currentThread()) {
            Future<String> greeting = LazyFuturesAsync.greet(sample, "created in main");
            narrator.say("main: created a future; its body has not run (no 'greet' line above)");
            Expect.that(narrator.lines().size() == 1, "creating a future to print nothing");
            String value = executor.blockOn(greeting);
            narrator.say("main: blockOn polled it to completion: \"%s\"", value);
            executor.blockOn(LazyFuturesAsync.tour(sample));
        }
        Expect.that(narrator.lines().contains("greet(created in main) runs"), "blockOn to run the body");
        Expect.that(narrator.lines().contains("greet(spawned) runs"), "a spawned future to run without being awaited");
        Expect.that(narrator.lines().stream().noneMatch(l -> l.contains("never awaited")),
                "the never awaited future never to run");
        return narrator;
    }

    /** The future whose body we watch: it says when it runs, then takes a little time. */
    @Async
    String greet(String who) {
        narrator.say("greet(%s) runs", who);
        await(Futures.sleep(Duration.ofMillis(20)));
        return "hello from " + who;
    }

    /** Lazy futures inside an async method: awaited, spawned, and forgotten. */
    @Async
    void tour() {
        // The companion entry gives the lazy future; nothing runs here.
        Future<String> forgotten = LazyFuturesAsync.greet(this, "never awaited");
        Future<String> awaited = LazyFuturesAsync.greet(this, "awaited");
        narrator.say("tour: created two futures, none ran yet");

        // A direct call of an @Async method is an implicit await: it runs the body right now.
        String direct = greet("called directly");
        narrator.say("tour: the direct call awaited it: \"%s\"", direct);

        String value = await(awaited);
        narrator.say("tour: awaited the second future: \"%s\"", value);

        // Spawning hands the future to the executor as a task of its own: it runs as soon as this
        // task suspends, whether or not anyone awaits the handle.
        JoinHandle<String> spawned = Futures.spawn(LazyFuturesAsync.greet(this, "spawned"));
        narrator.say("tour: spawned a task; on this single-threaded executor it starts when we suspend");
        await(Futures.sleep(Duration.ofMillis(50)));
        narrator.say("tour: after our own sleep, the spawned task has finished: %s", spawned.isFinished());
        narrator.say("tour: the forgotten future is dropped without ever being polled (%s)",
                forgotten.getClass().getSimpleName());
    }
}
