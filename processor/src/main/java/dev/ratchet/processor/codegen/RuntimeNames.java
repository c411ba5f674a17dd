package dev.ratchet.processor.codegen;

import com.palantir.javapoet.ClassName;

/** The runtime and JDK classes generated code refers to. */
final class RuntimeNames {
    static final ClassName FUTURE = ClassName.get("dev.ratchet", "Future");
    static final ClassName POLL = ClassName.get("dev.ratchet", "Poll");
    static final ClassName CONTEXT = ClassName.get("dev.ratchet", "Context");
    static final ClassName FUTURES = ClassName.get("dev.ratchet", "Futures");
    static final ClassName CANCELLATION = ClassName.get("java.util.concurrent", "CancellationException");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final String PROCESSOR = "dev.ratchet.processor.AsyncProcessor";

    private RuntimeNames() {}
}
