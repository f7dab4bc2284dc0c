package app.muster.enrollment.ui;

import app.muster.catalog.Course;
import app.muster.directory.ClientOrg;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Step 2: the course library as tiles; a click adds a course to the Summary cart, a second click removes it. */
class SelectCoursesStep extends HorizontalLayout implements WizardStep {

    static final String ALL_CATEGORIES = "All categories";

    final TextField searchField = new TextField();
    final Select<String> categoryFilter = new Select<>();
    final Div tiles = new Div();
    final VerticalLayout cart = new VerticalLayout();
    private final WizardState state;
    private List<Course> library = List.of();
    private Map<UUID, Set<String>> accessByOrg = Map.of();

    SelectCoursesStep(WizardState state) {
        this.state = state;
        searchField.setPlaceholder("Search courses");
        searchField.setValueChangeMode(ValueChangeMode.EAGER);
        searchField.setClearButtonVisible(true);
        searchField.addValueChangeListener(change -> showTiles());
        categoryFilter.setValue(ALL_CATEGORIES);
        categoryFilter.addValueChangeListener(change -> showTiles());
        tiles.addClassName("course-tiles");
        cart.addClassName("summary-cart");
        cart.setId("summary-cart");
        cart.setWidth("22rem");

        var catalog = new VerticalLayout(new HorizontalLayout(searchField, categoryFilter), tiles);
        catalog.setPadding(false);
        setWidthFull();
        expand(catalog);
        add(catalog, cart);
    }

    void setLibrary(List<Course> courses, Map<UUID, Set<String>> access) {
        library = courses;
        accessByOrg = access;
        var categories = new ArrayList<String>();
        categories.add(ALL_CATEGORIES);
        courses.stream().map(Course::category).distinct().sorted().forEach(categories::add);
        categoryFilter.setItems(categories);
        categoryFilter.setValue(ALL_CATEGORIES);
        showTiles();
    }

    /** The chosen clients that do not have this course enabled: it would be Needs Access there. */
    List<ClientOrg> clientsLacking(Course course) {
        return state.clients.stream()
                .filter(org -> !accessByOrg.getOrDefault(org.id(), Set.of()).contains(course.id()))
                .toList();
    }

    @Override
    public void enter() {
        showTiles();
    }

    private void showTiles() {
        tiles.removeAll();
        library.stream().filter(this::matchesFilters).map(this::tile).forEach(tiles::add);
        showCart();
    }

    private boolean matchesFilters(Course course) {
        boolean category = ALL_CATEGORIES.equals(categoryFilter.getValue())
                || course.category().equals(categoryFilter.getValue());
        return category
                && (SearchText.matches(course.title(), searchField.getValue())
                        || SearchText.matches(course.category(), searchField.getValue()));
    }

    private Div tile(Course course) {
        var tile = new Div(
                new Span(course.category()),
                new H3(course.title()),
                new Span(course.minutes() + " min · " + String.join(", ", course.languages())));
        tile.addClassName("course-tile");
        tile.getElement().setAttribute("data-course", course.id());
        tile.getElement().setAttribute("role", "button");
        tile.getElement().setAttribute("tabindex", "0");
        if (state.courses.contains(course)) {
            tile.addClassName("course-tile--chosen");
        }
        tile.addClickListener(click -> toggle(course));
        tile.getElement()
                .addEventListener("keydown", pressed -> toggle(course))
                .setFilter("event.key === 'Enter' || event.key === ' '")
                .preventDefault();
        return tile;
    }

    private void toggle(Course course) {
        state.toggle(course);
        showTiles();
    }

    private void showCart() {
        cart.removeAll();
        cart.add(new H3("Summary"));
        if (state.courses.isEmpty()) {
            cart.add(new Paragraph("No course chosen yet. Click a tile to add it."));
            return;
        }
        cart.add(new Paragraph(state.courses.size() + (state.courses.size() == 1 ? " course · " : " courses · ")
                + state.courses.stream().mapToInt(Course::minutes).sum() + " min"));
        state.courses.forEach(course -> cart.add(cartLine(course)));
    }

    private Component cartLine(Course course) {
        var removeButton = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> {
            state.courses.remove(course);
            showTiles();
        });
        removeButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        removeButton.setAriaLabel("Remove " + course.title());
        var line = new VerticalLayout(new HorizontalLayout(new Span(course.title()), removeButton));
        line.setPadding(false);
        line.setSpacing(false);
        line.addClassName("cart-line");
        var lacking = clientsLacking(course);
        if (!lacking.isEmpty()) {
            var warning = new Span(
                    "Needs Access at " + lacking.stream().map(ClientOrg::name).collect(Collectors.joining(", ")));
            warning.addClassName("cart-warning");
            line.add(warning);
        }
        return line;
    }

    @Override
    public String title() {
        return "Select Courses";
    }

    @Override
    public Component content() {
        return this;
    }

    @Override
    public Optional<String> blocker() {
        return state.courses.isEmpty() ? Optional.of("Choose at least one course.") : Optional.empty();
    }
}
