package app.muster.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes learner emails to the mail log instead of sending them: the embedded default, which needs no server. */
@Component
@ConditionalOnProperty(name = "muster.mail.delivery", havingValue = "log", matchIfMissing = true)
class LoggedLearnerMail implements LearnerMail {

    private final MailLog mailLog;

    LoggedLearnerMail(MailLog mailLog) {
        this.mailLog = mailLog;
    }

    @Override
    public Mono<Void> deliver(LearnerMessage message) {
        return mailLog.record(message);
    }
}
