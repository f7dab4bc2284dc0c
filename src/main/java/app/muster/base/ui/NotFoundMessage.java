package app.muster.base.ui;

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
}
