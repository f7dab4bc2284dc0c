package app.muster.notification;

import app.muster.base.Poller;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Polls the database for learner emails to queue and to send. The outbox is the database itself, so an email survives
 * restarts and failed sends, and several Muster instances may poll one database without sending anything twice.
 */
@Component
public class LearnerEmailScheduler {

    private static final Logger log = LoggerFactory.getLogger(LearnerEmailScheduler.class);

    private final PendingEmails pendingEmails;
    private final EmailSending sending;
    private final Clock clock;
    private final Duration pollInterval;
    private Poller polling;

    LearnerEmailScheduler(
            PendingEmails pendingEmails,
            EmailSending sending,
            Clock clock,
            @Value("${muster.mail.poll-interval:PT30S}") Duration pollInterval) {
        this.pendingEmails = pendingEmails;
        this.sending = sending;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        polling = Poller.start("Sending due learner emails", pollInterval, this::sendDue);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (polling != null) {
            polling.close();
        }
    }

    /** Queues the emails due now and sends every due email; returns how many emails this call sent. */
    public Mono<Long> sendDue() {
        return Mono.defer(() -> pendingEmails.queue(clock.instant()))
                .then(Mono.defer(sending::sendDue))
                .doOnNext(sent -> {
                    if (sent > 0) {
                        log.info("Sent {} learner emails.", sent);
                    }
                });
    }
}
