package app.muster.base;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a piece of background work at once and then at a fixed interval, one run at a time. A failed run is logged
 * and the next one tries again; a run still going when the next is due makes that one wait.
 */
public final class Poller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Poller.class);

    private final Disposable polling;

    private Poller(Disposable polling) {
        this.polling = polling;
    }

    public static Poller start(String work, Duration interval, Supplier<Mono<?>> run) {
        Disposable polling = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(
                        tick -> run.get().then().onErrorResume(error -> {
                            log.error("{} failed; the next poll tries again.", work, error);
                            return Mono.empty();
                        }),
                        1)
                .subscribe();
        log.info("{} runs every {}.", work, interval);
        return new Poller(polling);
    }

    @Override
    public void close() {
        polling.dispose();
    }
}
