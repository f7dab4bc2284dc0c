package app.muster.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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
    private UI ui;

    private LiveData(Supplier<Flux<?>> changes, Supplier<Mono<T>> load, Consumer<T> show, Consumer<Throwable> failed) {
        this.changes = changes;
        this.load = load;
        this.show = show;
        this.failed = failed;
    }

    public static <T> LiveData<T> follow(
            Component view,
            Supplier<Flux<?>> changes,
            Supplier<Mono<T>> load,
            Consumer<T> show,
            Consumer<Throwable> failed) {
        var live = new LiveData<>(changes, load, show, failed);
        view.addAttachListener(attach -> live.start(attach.getUI()));
        view.addDetachListener(detach -> live.stop());
        return live;
    }

    /** Loads again from scratch, for a page that stays attached while its address changes to another item. */
    public void reload() {
        if (ui != null) {
            start(ui);
        }
    }

    private void start(UI ui) {
        stop();
        this.ui = ui;
        subscription = changes.get()
                .map(change -> Boolean.TRUE)
                .sample(AT_MOST_EVERY)
                .startWith(Boolean.TRUE)
                .concatMap(tick -> load.get(), 1)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        data -> UiUpdates.apply(ui, () -> show.accept(data)),
                        error -> UiUpdates.apply(ui, () -> failed.accept(error)));
    }

    private void stop() {
        ui = null;
        if (subscription != null) {
            subscription.dispose();
        }
    }
}
