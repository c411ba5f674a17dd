package dev.ratchet.processor.check;

import dev.ratchet.processor.AsyncProcessor;
import javax.annotation.processing.Processor;

/**
 * The processor every diagnostics test compiles with: the real {@link AsyncProcessor}, so the
 * misuse checks are tested together with the lowering of the inputs they accept.
 */
final class TestProcessors {
    private TestProcessors() {}

    static Processor underTest() {
        return new AsyncProcessor();
    }
}
