package app.muster.base.ui;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a view's data live: loads it when the view is attached, loads it again after changes (at most four times a
 * second), and stops when the view is detached. Results reach the page through push.
 */
public final class LiveData<T> {

    private static final Duration AT_MOST_EVERY = Duration.ofMillis(250);

    private final Supplier<Flux<?>> changes;
    private final Supplier<Mono<T>> load;
    private final Consumer<T> show;
    private final Consumer<Throwable> failed;
    private Disposable subscription;

    private LiveData(Supplier<Flux<?>> changes, Supplier<Mono<T>> load, Consumer<T> show,
            Consumer<Throwable> failed) {
        this.changes = changes;
        this.load = load;
        this.show = show;
        this.failed = failed;
    }

    public static <T> void follow(Component view, Supplier<Flux<?>> changes, Supplier<Mono<T>> load,
            Consumer<T> show, Consumer<Throwable> failed) {
        var live = new LiveData<>(changes, load, show, failed);
        view.addAttachListener(attach -> live.start(attach.getUI()));
        view.addDetachListener(detach -> live.stop());
    }

    private void start(UI ui) {
        stop();
        subscription = changes.get()
                .map(change -> Boolean.TRUE)
                .sample(AT_MOST_EVERY)
                .startWith(Boolean.TRUE)
                .concatMap(tick -> load.get(), 1)
                .subscribe(data -> ui.access(() -> show.accept(data)), error -> ui.access(() -> failed.accept(error)));
    }

    private void stop() {
        if (subscription != null) {
            subscription.dispose();
        }
    }
}
