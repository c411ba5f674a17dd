package programs;

import static dev.ratchet.Futures.await;
import static dev.ratchet.processor.harness.Io.log;
import static dev.ratchet.processor.harness.Io.value;

import dev.ratchet.Async;

class Names {
    int state = 7;

    static final class State {
        static String describe() {
            return "user State";
        }
    }

    @Async
    String clashing(int cx, String... self) {
        int ready = await(value(cx));
        String result = State.describe();
        String caught = self.length + "";
        int t = state;
        dispatch:
        for (int thrown = 0; thrown < 2; thrown++) {
            int v = await(value(thrown));
            for (int k = 0; k < 2; k++) {
                if (v == 1) break dispatch;
                if (k == 1) continue dispatch;
            }
            log("thrown=" + thrown);
        }
        return ready + result + caught + t + this.state;
    }

    enum Mode {
        FAST, SLOW;

        @Async
        String describe(int n) {
            String s = await(value(name().toLowerCase() + n));
            return s + ordinal();
        }
    }

    @Async
    String enumReceiver(int n) {
        String a = Mode.SLOW.describe(n);
        return a;
    }
}
