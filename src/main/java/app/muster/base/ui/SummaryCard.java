package app.muster.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A labelled number at the top of a page. */
public class SummaryCard extends Div {

    private final Span value = new Span("–");

    public SummaryCard(String label, String id) {
        var caption = new Span(label);
        caption.addClassName("summary-card__label");
        value.addClassName("summary-card__value");
        addClassName("summary-card");
        setId(id);
        add(caption, value);
    }

    public void setValue(long number) {
        value.setText(String.format("%,d", number));
    }

    public String valueText() {
        return value.getText();
    }
}
