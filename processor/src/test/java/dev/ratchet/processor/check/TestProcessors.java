package dev.ratchet.processor.check;

import javax.annotation.processing.Processor;

/**
 * The processor every diagnostics test compiles with. Until the real {@code AsyncProcessor} is
 * merged this is {@link CheckOnlyProcessor}; switching all tests to the real one is this one line.
 */
final class TestProcessors {
    private TestProcessors() {}

    static Processor underTest() {
        return new CheckOnlyProcessor();
    }
}
