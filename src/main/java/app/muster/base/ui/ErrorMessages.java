package app.muster.base.ui;

import app.muster.base.NotFound;
import app.muster.base.Refusal;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one error path of the pages: refusals are shown as they are; anything else is logged with a reference. */
public final class ErrorMessages {

    private static final Logger log = LoggerFactory.getLogger(ErrorMessages.class);

    private ErrorMessages() {}

    public static String describe(Throwable error) {
        if (error instanceof Refusal || error instanceof NotFound) {
            return error.getMessage();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error shown to the user as reference {}.", reference, error);
        return "Something went wrong (reference " + reference + "). Try again; if it persists, quote the reference.";
    }

    public static void show(Throwable error) {
        var notification = Notification.show(describe(error), 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
