package app.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.audit.ui.AuditLogView;
import app.muster.base.ui.PageNotFoundView;
import app.muster.base.ui.SummaryCard;
import app.muster.directory.OrgUser;
import app.muster.enrollment.ui.EnrollmentWizardView;
import app.muster.enrollment.ui.OrgEnrollmentWizardView;
import app.muster.notification.LearnerEmailScheduler;
import app.muster.notification.ui.MailLogView;
import app.muster.security.IsolatedMsp.Fingerprints;
import app.muster.security.ui.ApiTokensView;
import app.muster.tracking.TrainingOverview;
import app.muster.tracking.TrainingTotals;
import app.muster.tracking.ui.BatchDetailView;
import app.muster.tracking.ui.ClientTrainingView;
import app.muster.tracking.ui.OrgBatchView;
import app.muster.tracking.ui.OrgTrainingView;
import app.muster.tracking.ui.TrainingDashboardView;
import app.muster.tracking.ui.WallDisplayView;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioButtonGroupTester;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page route, opened with another tenant's real ids, as {@link IsolationTests} plays the services. Each page
 * is opened first by whoever may see the target (the page must show it), then by the intruder, who must see their
 * own data or "not found" and nothing at all of the target: no client, person, group, batch or admin of it in the
 * page's text, grids, choice lists and notifications.
 *
 * <p>The org portal is opened by an MSP admin through "View as this client", here set on the session as the button
 * does, including for a client the admin could never have clicked (another MSP's): the pages' services refuse it.
 * Pages of the MSP portal are refused to org admins as a whole.
 */
@MusterTest
@TestPropertySource(properties = {"muster.mail.enrollment-delay=PT0S", "muster.mail.poll-interval=PT1H"})
@WithAnonymousUser
@TestInstance(Lifecycle.PER_CLASS)
class IsolationViewTests extends ViewTest {

    static final String CLIENT_NOT_FOUND = "This client was not found";
    static final String BATCH_NOT_FOUND = "This batch was not found";
    static final String PAGE_NOT_FOUND = "Page not found";

    @Autowired
    IsolatedTenants tenants;

    @Autowired
    CurrentAdmin currentAdmin;

    @Autowired
    LearnerEmailScheduler learnerEmails;

    @Autowired
    TrainingOverview overview;

    IsolatedMsp ours;
    IsolatedMsp theirs;

    @BeforeAll
    void twoMsps() {
        ours = tenants.msp("Ours");
        theirs = tenants.msp("Theirs");
        learnerEmails.sendDue().block();
    }

    /**
     * A page as a scene opens it: its route with the scene's ids, the client to view the org portal as (MSP admins
     * only), and what the intruder sees once it has loaded.
     */
    record Visit(
            Class<? extends Component> view,
            Function<Scene, String> route,
            Function<Scene, UUID> viewingAs,
            Function<Scene, String> intruderSees) {}

    Stream<Named<Visit>> mspPages() {
        return Stream.of(
                visit(
                        "msp/training: the dashboard's clients",
                        TrainingDashboardView.class,
                        s -> "msp/training",
                        null,
                        s -> s.own().name()),
                visit(
                        "msp/training/{orgId}: the client's page",
                        ClientTrainingView.class,
                        s -> "msp/training/" + s.target().id(),
                        null,
                        s -> CLIENT_NOT_FOUND),
                visit(
                        "msp/training/{orgId}/{batchId}: its batch page",
                        BatchDetailView.class,
                        s -> "msp/training/" + s.target().id() + "/"
                                + s.target().batchId(),
                        null,
                        s -> BATCH_NOT_FOUND),
                visit(
                        "msp/training/{own orgId}/{batchId}: its batch under the caller's client",
                        BatchDetailView.class,
                        s -> "msp/training/" + s.own().id() + "/" + s.target().batchId(),
                        null,
                        s -> BATCH_NOT_FOUND),
                visit(
                        "msp/training/enrollment: the wizard's clients",
                        EnrollmentWizardView.class,
                        s -> "msp/training/enrollment",
                        null,
                        s -> s.own().name()),
                visit(
                        "msp/mail-log",
                        MailLogView.class,
                        s -> "msp/mail-log",
                        null,
                        s -> s.own().users().getFirst().email()),
                visit(
                        "msp/audit",
                        AuditLogView.class,
                        s -> "msp/audit",
                        null,
                        s -> s.caller().getUsername()),
                visit("msp/api-tokens", ApiTokensView.class, s -> "msp/api-tokens", null, s -> "isolation "),
                visit(
                        "org/training, viewing as the client",
                        OrgTrainingView.class,
                        s -> "org/training",
                        s -> s.target().id(),
                        s -> CLIENT_NOT_FOUND),
                visit(
                        "org/training/{batchId}, viewing as the client",
                        OrgBatchView.class,
                        s -> "org/training/" + s.target().batchId(),
                        s -> s.target().id(),
                        s -> BATCH_NOT_FOUND),
                visit(
                        "org/training/{batchId}, viewing as the caller's own client",
                        OrgBatchView.class,
                        s -> "org/training/" + s.target().batchId(),
                        s -> s.own().id(),
                        s -> BATCH_NOT_FOUND));
    }

    Stream<Named<Visit>> orgPortalPages() {
        return Stream.of(
                visit(
                        "org/training",
                        OrgTrainingView.class,
                        s -> "org/training",
                        s -> s.target().id(),
                        s -> s.own().name() + " training"),
                visit(
                        "org/training/{batchId}: its batch page",
                        OrgBatchView.class,
                        s -> "org/training/" + s.target().batchId(),
                        s -> s.target().id(),
                        s -> BATCH_NOT_FOUND),
                visit(
                        "org/training/enrollment",
                        OrgEnrollmentWizardView.class,
                        s -> "org/training/enrollment",
                        s -> s.target().id(),
                        s -> "Phishing Fundamentals"));
    }

    /** The MSP portal's pages: an MSP admin opens each, an org admin is refused every one. */
    Stream<Named<Visit>> mspOnlyPages() {
        return Stream.of(
                mspOnly("msp/training", TrainingDashboardView.class, s -> "msp/training"),
                mspOnly("msp/training/wall", WallDisplayView.class, s -> "msp/training/wall"),
                mspOnly(
                        "msp/training/{orgId} of their own client",
                        ClientTrainingView.class,
                        s -> "msp/training/" + s.own().id()),
                mspOnly(
                        "msp/training/{orgId}/{batchId} of their own client",
                        BatchDetailView.class,
                        s -> "msp/training/" + s.own().id() + "/" + s.own().batchId()),
                mspOnly("msp/training/enrollment", EnrollmentWizardView.class, s -> "msp/training/enrollment"),
                mspOnly("msp/mail-log", MailLogView.class, s -> "msp/mail-log"),
                mspOnly("msp/audit", AuditLogView.class, s -> "msp/audit"),
                mspOnly("msp/api-tokens", ApiTokensView.class, s -> "msp/api-tokens"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mspPages")
    void anotherMspsAdminSeesNoneOfOursOnAnyPage(Visit visit) {
        var owner = new Scene(ours.admin(), ours.first(), ours.first(), ours);
        var intruder = new Scene(theirs.admin(), ours.first(), theirs.first(), ours);

        ownerSees(visit, owner, ours.fingerprints());
        intruderSeesNone(visit, intruder, ours.fingerprints());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orgPortalPages")
    void anOrgAdminSeesNoneOfAnotherClientInTheOrgPortal(Visit visit) {
        var owner = new Scene(ours.admin(), ours.second(), ours.second(), ours);
        var intruder = new Scene(ours.first().orgAdmin(), ours.second(), ours.first(), ours);

        ownerSees(visit, owner, birchAndTheMspAdmin());
        intruderSeesNone(visit, intruder, birchAndTheMspAdmin());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mspOnlyPages")
    void theMspPortalIsRefusedToOrgAdmins(Visit visit) {
        var mspAdmin = new Scene(ours.admin(), ours.first(), ours.first(), ours);
        var orgAdmin = new Scene(ours.first().orgAdmin(), ours.first(), ours.first(), ours);

        assertThat(open(visit, mspAdmin)).isInstanceOf(visit.view());
        leave();
        Component refused = open(PageNotFoundView.class, visit, orgAdmin);

        eventually(() -> assertThat(shown()).contains(PAGE_NOT_FOUND));
        assertThat(refused).isInstanceOf(PageNotFoundView.class);
        assertThat(birchAndTheMspAdmin().foundIn(shown())).isEmpty();
        assertThat(ours.first().fingerprints().textsFoundIn(shown())).isEmpty();
    }

    @Test
    void anotherMspsWallDisplayCountsOnlyItsOwnClients() {
        TrainingTotals theirsTotals =
                overview.dashboard(theirs.admin().scope()).block().totals();
        TrainingTotals oursTotals =
                overview.dashboard(ours.admin().scope()).block().totals();
        assertThat(oursTotals.courseEnrollments()).isPositive();
        signInAs(theirs.admin());

        var wall = navigate("msp/training/wall", WallDisplayView.class);

        eventually(() -> assertThat(card(wall, "wall-clients")).isEqualTo("2"));
        assertThat(card(wall, "wall-total")).isEqualTo(String.format("%,d", theirsTotals.courseEnrollments()));
        assertThat(card(wall, "wall-failed")).isEqualTo(String.format("%,d", theirsTotals.failed()));
    }

    @Test
    void anOrgAdminsWizardOffersOnlyTheirOwnClientsGroupsAndUsers() {
        var alder = ours.first();
        signInAs(alder.orgAdmin());
        navigate("org/training/enrollment", OrgEnrollmentWizardView.class);
        eventually(() -> assertThat(courseTile(IsolatedTenants.ENABLED_COURSE)).isPresent());

        Div tile = courseTile(IsolatedTenants.ENABLED_COURSE).orElseThrow();
        ComponentUtil.fireEvent(tile, new ClickEvent<>(tile));
        test(find(Button.class).withId("wizard-next").single()).click();

        recipients("Specific groups");
        eventually(() -> assertThat(shown())
                .contains(
                        alder.groups().getFirst().name(),
                        alder.groups().getLast().name()));
        assertThat(birchAndTheMspAdmin().foundIn(shown())).isEmpty();
        assertThat(theirs.fingerprints().foundIn(shown())).isEmpty();

        recipients("Individual users");
        eventually(() -> assertThat(shown())
                .contains(alder.users().stream().map(OrgUser::email).toArray(String[]::new)));
        assertThat(birchAndTheMspAdmin().foundIn(shown())).isEmpty();
        assertThat(theirs.fingerprints().foundIn(shown())).isEmpty();
    }

    private void ownerSees(Visit visit, Scene owner, Fingerprints prints) {
        open(visit, owner);

        eventually(() ->
                assertThat(prints.foundIn(shown())).as("what the owner sees").isNotEmpty());
    }

    private void intruderSeesNone(Visit visit, Scene intruder, Fingerprints prints) {
        leave();
        open(visit, intruder);

        eventually(() -> assertThat(shown()).contains(visit.intruderSees().apply(intruder)));
        assertThat(prints.foundIn(shown())).as("what the intruder sees").isEmpty();
    }

    private Component open(Visit visit, Scene scene) {
        return open(visit.view(), visit, scene);
    }

    private Component open(Class<? extends Component> expected, Visit visit, Scene scene) {
        signInAs(scene.caller());
        currentAdmin.stopViewingAs();
        if (visit.viewingAs() != null && !scene.caller().isOrgAdmin()) {
            currentAdmin.viewAs(visit.viewingAs().apply(scene));
        }
        return navigate(visit.route().apply(scene), expected);
    }

    /** Leaves the page for an address that leads nowhere, so that the next visit builds its page anew. */
    private void leave() {
        navigate("nowhere-" + UUID.randomUUID(), PageNotFoundView.class);
    }

    /**
     * What the page shows: the text of every element of the page and its layout, of every open dialog, every cell of
     * every grid, the choices of every checkbox group and multi-select, and every notification.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private String shown() {
        List<String> parts = new ArrayList<>();
        Component page = (Component) getCurrentView();
        while (page.getParent().isPresent() && !(page.getParent().get() instanceof UI)) {
            page = page.getParent().get();
        }
        parts.add(page.getElement().getTextRecursively());
        for (Dialog dialog : find(Dialog.class).all()) {
            parts.add(dialog.getElement().getTextRecursively());
        }
        for (Grid grid : find(Grid.class).all()) {
            GridTester<Grid<Object>, Object> cells = test((Grid<Object>) grid);
            for (int row = 0; row < cells.size(); row++) {
                for (int column = 0; column < grid.getColumns().size(); column++) {
                    parts.add(cells.getCellText(row, column));
                }
            }
        }
        for (CheckboxGroup group : find(CheckboxGroup.class).all()) {
            group.getListDataView()
                    .getItems()
                    .forEach(item -> parts.add(group.getItemLabelGenerator().apply(item)));
        }
        for (MultiSelectComboBox box : find(MultiSelectComboBox.class).all()) {
            box.getListDataView()
                    .getItems()
                    .forEach(item -> parts.add(box.getItemLabelGenerator().apply(item)));
        }
        for (Notification notification : find(Notification.class).all()) {
            parts.add(test(notification).getText());
        }
        return String.join("\n", parts);
    }

    @SuppressWarnings("unchecked")
    private void recipients(String mode) {
        RadioButtonGroupTester<RadioButtonGroup<Object>, Object> choice =
                test(find(RadioButtonGroup.class).single());
        choice.selectItem(mode);
    }

    private Optional<Div> courseTile(String courseId) {
        return find(Div.class).all().stream()
                .filter(div -> courseId.equals(div.getElement().getAttribute("data-course")))
                .findFirst();
    }

    private String card(Component page, String id) {
        return find(SummaryCard.class).from(page).withId(id).single().valueText();
    }

    private Fingerprints birchAndTheMspAdmin() {
        return ours.second()
                .fingerprints()
                .and(new Fingerprints(
                        List.of(ours.admin().getUsername(), ours.apiTokenName()),
                        List.of(ours.admin().adminId(), ours.apiTokenId())));
    }

    private static Named<Visit> visit(
            String page,
            Class<? extends Component> view,
            Function<Scene, String> route,
            Function<Scene, UUID> viewingAs,
            Function<Scene, String> intruderSees) {
        return Named.of(page, new Visit(view, route, viewingAs, intruderSees));
    }

    private static Named<Visit> mspOnly(String page, Class<? extends Component> view, Function<Scene, String> route) {
        return visit(page, view, route, null, s -> PAGE_NOT_FOUND);
    }
}
