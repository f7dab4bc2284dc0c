package app.muster.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A learner email written to the mail log instead of being sent, with the client org it went to. */
public record MailLogEntry(
        UUID id,
        Instant loggedAt,
        String clientName,
        ZoneId clientTimeZone,
        String recipient,
        String subject,
        String body) {

    private static final int PREVIEW_LENGTH = 120;

    /** The body on one line, shortened. */
    public String preview() {
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= PREVIEW_LENGTH ? line : line.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
