package dev.ratchet;

import dev.ratchet.debug.Traceable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A value bound to one task's polls, like Tokio's {@code task_local!}: {@link #scope} wraps a
 * future so that the value is visible during every poll of it — on whatever worker thread that
 * poll runs — and nowhere else.
 *
 * <pre>{@code
 * static final TaskLocal<String> REQUEST_ID = TaskLocal.create("requestId");
 *
 * executor.spawn(REQUEST_ID.scope("req-42", handle(request)));
 *
 * @Async
 * Response handle(Request request) {
 *     log("handling " + REQUEST_ID.get());   // "req-42", in every poll of this task
 *     ...
 * }
 * }</pre>
 *
 * <p>How: {@link #scope} returns a future that, around each poll (and around {@code cancel()}),
 * saves this thread's current binding, installs the value, and restores the saved binding in a
 * {@code finally}. Scopes nest: an inner scope of the same {@code TaskLocal} shadows the outer
 * one during the inner future's polls. Nothing leaks to the next task polled on the same thread.
 * Tasks spawned from inside a scope do not inherit it (wrap them in their own scope).
 *
 * @param <T> the type of the value
 */
public final class TaskLocal<T> {
    private final String name;
    /** The value bound on this thread during a scoped poll; null when unbound. */
    private final ThreadLocal<T> current = new ThreadLocal<>();

    private TaskLocal(String name) {
        this.name = name;
    }

    /**
     * A new task-local named {@code name} (the name appears in error messages).
     *
     * <pre>{@code
     * static final TaskLocal<User> USER = TaskLocal.create("user");
     * }</pre>
     */
    public static <T> TaskLocal<T> create(String name) {
        return new TaskLocal<>(Objects.requireNonNull(name, "name"));
    }

    /**
     * A future that polls {@code future} with this task-local bound to {@code value}.
     *
     * <pre>{@code
     * Future<Response> f = REQUEST_ID.scope("req-42", handle(request));
     * }</pre>
     *
     * <p>Cancelling the returned future cancels {@code future} (with the value bound).
     */
    public <R> Future<R> scope(T value, Future<R> future) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(future, "future");
        return new Scoped<>(this, value, future);
    }

    /**
     * The value bound in the current poll.
     *
     * @throws IllegalStateException if called outside a {@link #scope} of this task-local
     */
    public T get() {
        T v = current.get();
        if (v == null) {
            throw new IllegalStateException("TaskLocal '" + name + "' is not set: read it only while a future "
                    + "wrapped by " + name + ".scope(value, future) is being polled");
        }
        return v;
    }

    /** The value bound in the current poll, or empty outside a {@link #scope}. */
    public Optional<T> find() {
        return Optional.ofNullable(current.get());
    }

    /** The name given to {@link #create}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "TaskLocal[" + name + "]";
    }

    /** Installs {@code value}, returns the binding it replaced (null if none). */
    private T enter(T value) {
        T previous = current.get();
        current.set(value);
        return previous;
    }

    private void exit(T previous) {
        if (previous == null) current.remove();
        else current.set(previous);
    }

    /** The future returned by {@link #scope}; a dump shows the scoped future under it. */
    private static final class Scoped<T, R> implements Future<R>, Traceable {
        private final TaskLocal<T> local;
        private final T value;
        private final Future<R> inner;

        Scoped(TaskLocal<T> local, T value, Future<R> inner) {
            this.local = local;
            this.value = value;
            this.inner = inner;
        }

        @Override
        public Poll<R> poll(Context cx) {
            T previous = local.enter(value);
            try {
                return inner.poll(cx);
            } finally {
                local.exit(previous);
            }
        }

        @Override
        public void cancel() {
            T previous = local.enter(value);
            try {
                inner.cancel();
            } finally {
                local.exit(previous);
            }
        }

        @Override
        public StackTraceElement suspendedAt() {
            return null;
        }

        @Override
        public List<? extends Future<?>> awaiting() {
            return List.of(inner);
        }

        /** {@code requestId.scope(req-42)}: the inner future is its child in a dump. */
        @Override
        public String toString() {
            return local.name + ".scope(" + value + ")";
        }
    }
}
