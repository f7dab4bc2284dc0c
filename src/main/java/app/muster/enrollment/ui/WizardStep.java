package app.muster.enrollment.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/** One step of the enrollment wizard. */
interface WizardStep {

    String title();

    Component content();

    /** Called each time the step is shown, so it reflects what earlier steps chose. */
    default void enter() {}

    /** Why Next cannot go on yet, in the admin's words; empty when it can. */
    Optional<String> blocker();
}
