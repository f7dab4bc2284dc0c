package app.muster;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell every Muster view shares: push for live numbers, the Lumo theme and Muster's own styles. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/muster.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Muster");
    }
}
