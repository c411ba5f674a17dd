package files;

import static dev.ratchet.Futures.await;

import dev.ratchet.Async;
import dev.ratchet.Future;
import java.util.ArrayList;
import java.util.List;

final class Downloads {
    interface Http {
        Future<byte[]> get(String url);
    }

    final Http http;

    Downloads(Http http) {
        this.http = http;
    }

    @Async
    List<Integer> sizes(List<String> urls) {
        List<Integer> sizes = new ArrayList<>();
        for (String url : urls) {
            if (url.isEmpty()) continue;
            byte[] body = await(http.get(url));
            sizes.add(body.length);
        }
        return sizes;
    }
}
