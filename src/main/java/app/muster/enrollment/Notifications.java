package app.muster.enrollment;

/** The two email toggles of a batch; both are off unless the admin turns them on. */
public record Notifications(boolean enrollmentEmail, boolean reminderEmails) {

    public static Notifications none() {
        return new Notifications(false, false);
    }
}
