package app.muster.notification;

import java.time.LocalDate;
import java.util.List;

/** What a learner email is about: new courses, or a reminder of a due date coming up or reached. */
enum EmailKind {
    ENROLLMENT(0),
    DUE_IN_3_DAYS(3),
    DUE_TODAY(0);

    static final List<EmailKind> REMINDERS = List.of(DUE_IN_3_DAYS, DUE_TODAY);

    private final int daysBeforeDue;

    EmailKind(int daysBeforeDue) {
        this.daysBeforeDue = daysBeforeDue;
    }

    /** The due date this reminder goes out for on the given day of the learner's organization. */
    LocalDate dueBy(LocalDate today) {
        return today.plusDays(daysBeforeDue);
    }

    boolean reminder() {
        return this != ENROLLMENT;
    }
}
