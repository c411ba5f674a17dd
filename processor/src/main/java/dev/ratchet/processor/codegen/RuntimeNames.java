package dev.ratchet.processor.codegen;

import com.palantir.javapoet.ClassName;

/** The runtime and JDK classes generated code refers to. */
final class RuntimeNames {
    static final ClassName FUTURE = ClassName.get("dev.ratchet", "Future");
    static final ClassName POLL = ClassName.get("dev.ratchet", "Poll");
    static final ClassName CONTEXT = ClassName.get("dev.ratchet", "Context");
    static final ClassName FUTURES = ClassName.get("dev.ratchet", "Futures");
    /** The base class of every generated machine: for generated code only, not API. */
    static final ClassName STATE_MACHINE = ClassName.get("dev.ratchet.internal.machine", "AsyncStateMachine");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final String PROCESSOR = "dev.ratchet.processor.AsyncProcessor";

    private RuntimeNames() {}
}
