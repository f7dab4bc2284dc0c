package app.muster.base.ui;

import app.muster.base.NotFound;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** What a page shows in place of its content when the thing asked for is not one of the caller's. */
public class NotFoundMessage extends Div {

    public NotFoundMessage(String what) {
        this(what, "It does not exist, or it belongs to an organization you cannot see.");
    }

    public NotFoundMessage(String what, String hint) {
        addClassName("not-found");
        add(new H2(what + " was not found"), new Paragraph(hint));
    }

    /** A live page's failure: one not found replaces the page's content with this message; anything else is shown. */
    public static void showIn(HasComponents page, String what, Throwable error) {
        if (error instanceof NotFound) {
            page.removeAll();
            page.add(new NotFoundMessage(what));
            return;
        }
        ErrorMessages.show(error);
    }
}
