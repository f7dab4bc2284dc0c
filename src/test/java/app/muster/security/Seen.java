package app.muster.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a service call gave its caller: everything it emitted, or the error it ended with. */
record Seen(List<Object> items, Throwable error) {

    static Seen of(Publisher<?> call) {
        return Flux.from(call)
                .<Object>map(item -> item)
                .collectList()
                .map(items -> new Seen(items, null))
                .onErrorResume(error -> Mono.just(new Seen(List.of(), error)))
                .block(Duration.ofSeconds(30));
    }

    /** Whether the caller got nothing at all: no items, or only empty lists, sets and maps. */
    boolean nothing() {
        return error == null && items.stream().allMatch(Seen::empty);
    }

    /** How the caller would read it: the error's message, or every item written out. */
    String text() {
        return error != null ? String.valueOf(error.getMessage()) : items.toString();
    }

    /** Whether one item is an empty list, set or map. */
    static boolean empty(Object item) {
        return item instanceof Collection<?> collection && collection.isEmpty()
                || item instanceof Map<?, ?> map && map.isEmpty();
    }
}
