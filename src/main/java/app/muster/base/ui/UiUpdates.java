package app.muster.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;

/**
 * Applies a result that arrived in the background to a page, if the page is still there. A page closed in the
 * meantime simply does not get it.
 */
public final class UiUpdates {

    private UiUpdates() {}

    public static void apply(UI ui, Command command) {
        if (ui.isClosing()) {
            return;
        }
        try {
            ui.access(command);
        } catch (UIDetachedException closed) {
            return;
        }
    }
}
