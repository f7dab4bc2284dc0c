package app.muster.notification;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Sends learner emails through the SMTP server configured under {@code spring.mail.*}. */
@Component
@ConditionalOnProperty(name = "muster.mail.delivery", havingValue = "smtp")
class SmtpLearnerMail implements LearnerMail {

    private final JavaMailSender sender;
    private final String from;

    SmtpLearnerMail(JavaMailSender sender, @Value("${muster.mail.from:Muster <no-reply@localhost>}") String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public Mono<Void> deliver(LearnerMessage message) {
        return Mono.fromRunnable(() -> sender.send(mime -> {
                    var helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
                    helper.setFrom(from);
                    helper.setTo(message.to());
                    helper.setSubject(message.subject());
                    helper.setText(message.body());
                    mime.setHeader("Auto-Submitted", "auto-generated");
                }))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }
}
