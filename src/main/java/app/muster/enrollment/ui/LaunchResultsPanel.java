package app.muster.enrollment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import app.muster.enrollment.LaunchResult;

/** The results screen: one line per client as its batch is created, a check or a cross with the reason. */
class LaunchResultsPanel extends VerticalLayout {

    final Span progress = new Span();
    final Div results = new Div();
    final Button dashboardButton = new Button("Back to the dashboard");
    private final int expected;
    private int arrived;

    LaunchResultsPanel(int expected) {
        this.expected = expected;
        results.setId("launch-results");
        results.addClassName("launch-results");
        dashboardButton.setId("back-to-dashboard");
        dashboardButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dashboardButton.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate("msp/training")));
        showProgress();
        add(new H2("Launch results"), progress, results, dashboardButton);
    }

    void add(LaunchResult result) {
        arrived++;
        var icon = result.succeeded() ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.CLOSE_CIRCLE.create();
        icon.addClassName(result.succeeded() ? "result-ok" : "result-failed");
        var line = new Div(icon, new Span(result.orgName()));
        line.addClassNames("launch-result", result.succeeded() ? "launch-result--ok" : "launch-result--failed");
        line.getElement().setAttribute("data-org", result.orgId().toString());
        if (!result.succeeded()) {
            var reason = new Span(result.error());
            reason.addClassName("launch-result__error");
            line.add(reason);
        }
        results.add(line);
        showProgress();
    }

    void failed(String message) {
        var line = new Div(new Icon(VaadinIcon.WARNING), new Span(message));
        line.addClassNames("launch-result", "launch-result--failed");
        results.add(line);
    }

    private void showProgress() {
        progress.setText(arrived + " of " + expected + " clients done");
    }
}
