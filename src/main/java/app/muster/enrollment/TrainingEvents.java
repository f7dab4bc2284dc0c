package app.muster.enrollment;

import java.util.UUID;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** The live stream of training changes that open pages follow, per MSP. */
@Component
public class TrainingEvents {

    private final Sinks.Many<TrainingChanged> sink = Sinks.many().multicast().directBestEffort();

    void publish(TrainingChanged change) {
        sink.emitNext(change, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)));
    }

    public Flux<TrainingChanged> changes(UUID mspId) {
        return sink.asFlux().filter(change -> change.mspId().equals(mspId));
    }
}
