package app.muster.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** What an address that leads nowhere shows, in plain words, with a 404 status. */
@AnonymousAllowed
public class PageNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    PageNotFoundView() {
        addClassNames("page", "not-found");
        add(
                new H1("Page not found"),
                new Paragraph("There is nothing at this address, or it is malformed."),
                new Anchor("", "Go to your training page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
