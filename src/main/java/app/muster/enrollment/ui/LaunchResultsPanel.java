package app.muster.enrollment.ui;

import app.muster.enrollment.LaunchResult;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/** The results screen: one line per client as its batch is created, a check or a cross with the reason. */
class LaunchResultsPanel extends VerticalLayout {

    final Span progress = new Span();
    final Div results = new Div();
    final Button dashboardButton = new Button("Back to the dashboard");
    private final Map<UUID, Div> lines = new LinkedHashMap<>();
    private final BiConsumer<UUID, LaunchResultsPanel> launchAgain;
    private final int expected;

    LaunchResultsPanel(int expected, BiConsumer<UUID, LaunchResultsPanel> launchAgain, String dashboardRoute) {
        this.expected = expected;
        this.launchAgain = launchAgain;
        results.setId("launch-results");
        results.addClassName("launch-results");
        dashboardButton.setId("back-to-dashboard");
        dashboardButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dashboardButton.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(dashboardRoute)));
        showProgress();
        add(new H2("Launch results"), progress, results, dashboardButton);
    }

    /** Shows a client's result, replacing its earlier one when it was launched again. */
    void add(LaunchResult result) {
        var icon = result.succeeded() ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.CLOSE_CIRCLE.create();
        icon.addClassName(result.succeeded() ? "result-ok" : "result-failed");
        var line = new Div(icon, new Span(result.orgName()));
        line.addClassNames("launch-result", result.succeeded() ? "launch-result--ok" : "launch-result--failed");
        line.getElement().setAttribute("data-org", result.orgId().toString());
        if (!result.succeeded()) {
            var reason = new Span(result.error());
            reason.addClassName("launch-result__error");
            var againButton = new Button("Launch again", click -> launchAgain.accept(result.orgId(), this));
            againButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
            againButton.setDisableOnClick(true);
            line.add(reason, againButton);
        }
        Div earlier = lines.put(result.orgId(), line);
        if (earlier == null) {
            results.add(line);
        } else {
            results.replace(earlier, line);
        }
        showProgress();
    }

    private void showProgress() {
        long failed = lines.values().stream()
                .filter(line -> line.hasClassName("launch-result--failed"))
                .count();
        if (expected == 1) {
            progress.setText(lines.isEmpty() ? "Launching…" : failed > 0 ? "Not launched" : "Launched");
            return;
        }
        progress.setText(
                lines.size() + " of " + expected + " clients done" + (failed > 0 ? ", " + failed + " failed" : ""));
    }
}
