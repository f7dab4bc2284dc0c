package app.muster.notification;

import java.time.LocalDate;

/** A course an email tells the learner about, with its due date. */
record CourseLine(String title, LocalDate dueBy) {}
