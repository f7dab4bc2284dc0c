package app.muster.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A labelled number at the top of a page. */
public class SummaryCard extends Div {

    private final Span value = new Span("–");
    private final Span caption = new Span();

    public SummaryCard(String label, String id) {
        var title = new Span(label);
        title.addClassName("summary-card__label");
        value.addClassName("summary-card__value");
        caption.addClassName("summary-card__caption");
        caption.setVisible(false);
        addClassName("summary-card");
        setId(id);
        add(title, value, caption);
    }

    /** A line of detail under the number. */
    public void setCaption(String text) {
        caption.setText(text);
        caption.setVisible(true);
    }

    public String captionText() {
        return caption.getText();
    }

    public void setValue(long number) {
        value.setText(String.format("%,d", number));
    }

    public String valueText() {
        return value.getText();
    }
}
