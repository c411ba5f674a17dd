package dev.ratchet.net;

import dev.ratchet.internal.CurrentRuntime;
import dev.ratchet.internal.RuntimeHandle;
import dev.ratchet.internal.io.Reactor;
import dev.ratchet.internal.io.ReactorOwner;
import java.lang.reflect.Proxy;

/**
 * Makes a private {@link Reactor} current on the calling thread, as an executor that owns one
 * would: channels first waiting inside the scope register there. For tests that need to control
 * the reactor thread.
 */
final class ReactorScope implements AutoCloseable {
    private final RuntimeHandle previous;

    ReactorScope(Reactor reactor) {
        this.previous = CurrentRuntime.enter(runtimeOwning(reactor));
    }

    /**
     * A runtime whose only working method is {@link ReactorOwner#reactor()} (a proxy, so that it
     * keeps compiling as {@link RuntimeHandle} grows).
     */
    static RuntimeHandle runtimeOwning(Reactor reactor) {
        return (RuntimeHandle) Proxy.newProxyInstance(ReactorScope.class.getClassLoader(),
                new Class<?>[] {RuntimeHandle.class, ReactorOwner.class}, (proxy, method, args) -> {
                    if (method.getName().equals("reactor")) return reactor;
                    if (method.getName().equals("toString")) return "runtime owning " + reactor;
                    throw new UnsupportedOperationException("test runtime: only reactor() works, not " + method.getName());
                });
    }

    @Override
    public void close() {
        CurrentRuntime.exit(previous);
    }
}
