package app.muster.notification;

import reactor.core.publisher.Mono;

/**
 * Where composed learner emails go: an SMTP server, or the mail log of the embedded default. Completes once the
 * message is accepted; an error means it was not, and the outbox tries again later.
 */
interface LearnerMail {

    Mono<Void> deliver(LearnerMessage message);
}
