package app.muster.enrollment.ui;

import app.muster.base.ui.StatusBadges;
import app.muster.directory.ClientOrg;
import app.muster.enrollment.LaunchRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.Grid.SelectionMode;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.selection.MultiSelectionEvent;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.Optional;

/** Step 1: which clients get the batch. Not configured clients are shown but cannot be chosen. */
class SelectOrgsStep extends VerticalLayout implements WizardStep {

    static final String LIMIT_MESSAGE = "A launch reaches at most " + LaunchRequest.MAX_CLIENTS + " clients. "
            + "For a larger rollout, launch the first " + LaunchRequest.MAX_CLIENTS
            + " now and the rest in further launches.";

    final TextField searchField = new TextField();
    final Button selectAllEligibleButton = new Button("Select all eligible");
    final Grid<ClientOrg> clientGrid = new Grid<>();
    final Span selectionCount = new Span();
    final Paragraph limitMessage = new Paragraph();
    private final WizardState state;
    private ListDataProvider<ClientOrg> clients = new ListDataProvider<>(List.of());

    SelectOrgsStep(WizardState state) {
        this.state = state;
        searchField.setPlaceholder("Search clients by name");
        searchField.setPrefixComponent(VaadinIcon.SEARCH.create());
        searchField.setValueChangeMode(ValueChangeMode.EAGER);
        searchField.setClearButtonVisible(true);
        searchField.setId("client-search");
        searchField.setWidth("18rem");
        selectAllEligibleButton.setId("select-all-eligible");
        limitMessage.addClassName("limit-message");
        limitMessage.setVisible(false);
        configureGrid();

        searchField.addValueChangeListener(change -> clients.setFilter(this::matchesSearch));
        selectAllEligibleButton.addClickListener(click -> selectAllEligible());

        var toolbar = new HorizontalLayout(searchField, selectAllEligibleButton, selectionCount);
        toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        setPadding(false);
        add(toolbar, limitMessage, clientGrid);
        showCount();
    }

    void setClients(List<ClientOrg> all) {
        clients = new ListDataProvider<>(all);
        clients.setFilter(this::matchesSearch);
        clientGrid.setItems(clients);
    }

    private void configureGrid() {
        clientGrid.setId("wizard-client-grid");
        clientGrid.setSelectionMode(SelectionMode.MULTI);
        clientGrid.setItemSelectableProvider(ClientOrg::ready);
        clientGrid.addColumn(ClientOrg::name).setHeader("Client").setFlexGrow(3);
        clientGrid
                .addComponentColumn(org -> StatusBadges.of(org.trainingState()))
                .setHeader("Training");
        clientGrid.addColumn(SelectOrgsStep::hint).setHeader("").setFlexGrow(3);
        clientGrid.setEmptyStateText("No client matches this search.");
        clientGrid.asMultiSelect().addSelectionListener(this::selectionChanged);
    }

    private static String hint(ClientOrg org) {
        return org.ready()
                ? org.timeZone().getId()
                : "Not set up for training yet: provision its training access first.";
    }

    private boolean matchesSearch(ClientOrg org) {
        return SearchText.matches(org.name(), searchField.getValue());
    }

    private void selectAllEligible() {
        var eligible = clients.fetch(new com.vaadin.flow.data.provider.Query<>())
                .filter(ClientOrg::ready)
                .filter(org -> !state.clients.contains(org))
                .toList();
        int room = LaunchRequest.MAX_CLIENTS - state.clients.size();
        clientGrid
                .asMultiSelect()
                .select(eligible.stream().limit(Math.max(room, 0)).toList());
        limitMessage.setText(LIMIT_MESSAGE);
        limitMessage.setVisible(eligible.size() > room);
    }

    private void selectionChanged(MultiSelectionEvent<Grid<ClientOrg>, ClientOrg> event) {
        var chosen = event.getAllSelectedItems();
        if (chosen.size() > LaunchRequest.MAX_CLIENTS) {
            clientGrid.asMultiSelect().deselect(event.getAddedSelection());
            limitMessage.setText(LIMIT_MESSAGE);
            limitMessage.setVisible(true);
            return;
        }
        limitMessage.setVisible(false);
        state.clients.clear();
        state.clients.addAll(chosen);
        showCount();
    }

    private void showCount() {
        selectionCount.setText(state.clients.size() + " of at most " + LaunchRequest.MAX_CLIENTS + " selected");
    }

    @Override
    public String title() {
        return "Select Orgs";
    }

    @Override
    public Component content() {
        return this;
    }

    @Override
    public Optional<String> blocker() {
        return state.clients.isEmpty() ? Optional.of("Choose at least one Ready client.") : Optional.empty();
    }
}
