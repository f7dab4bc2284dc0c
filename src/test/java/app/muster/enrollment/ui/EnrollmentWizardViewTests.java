package app.muster.enrollment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.muster.MusterTest;
import app.muster.ViewTest;
import app.muster.base.TenantScope;
import app.muster.directory.ClientOrg;
import app.muster.directory.TrainingState;
import app.muster.enrollment.TargetMode;
import app.muster.security.AdminPrincipal;
import app.muster.tracking.ui.TrainingDashboardView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.confirmdialog.ConfirmDialogTester;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@MusterTest
@WithUserDetails(MusterTest.ADMIN)
class EnrollmentWizardViewTests extends ViewTest {

    static final int CLIENT = 0;
    static final int TRAINING = 1;
    static final int HINT = 2;

    @Test
    void listsNotConfiguredClientsButDoesNotLetThemBeChosen() {
        var view = openWizard(30);
        var grid = clients(view);
        int beacon = rowOf(grid, "Beacon Hill Bakery");

        grid.select(beacon);

        assertThat(grid.getCellText(beacon, TRAINING)).isEqualTo("Not configured");
        assertThat(grid.getCellText(beacon, HINT)).startsWith("Not set up for training yet");
        assertThat(IntStream.range(0, grid.size()).mapToObj(row -> grid.getCellText(row, TRAINING)))
                .filteredOn("Not configured"::equals)
                .hasSize(3);
        assertThat(grid.getSelected()).isEmpty();
        assertThat(view.state.clients).isEmpty();
        assertThat(view.selectOrgs.selectionCount.getText()).isEqualTo("0 of at most 25 selected");
    }

    @Test
    void selectAllEligibleChoosesOnlyReadyClientsMatchingTheSearchWhateverItsCaseAndAccents() {
        var view = openWizard(30);

        test(view.selectOrgs.searchField).setValue("ÎNG");
        test(view.selectOrgs.selectAllEligibleButton).click();

        assertThat(clientNames(clients(view)))
                .containsExactly(
                        "Cobalt Mining Services",
                        "Fjord Consulting AS",
                        "Meridian Accounting",
                        "Pinecrest Senior Living",
                        "Vantage Engineering GmbH");
        assertThat(view.state.clients)
                .extracting(ClientOrg::name)
                .containsExactlyInAnyOrder(
                        "Fjord Consulting AS",
                        "Meridian Accounting",
                        "Pinecrest Senior Living",
                        "Vantage Engineering GmbH");
        assertThat(view.selectOrgs.selectionCount.getText()).isEqualTo("4 of at most 25 selected");
        assertThat(view.selectOrgs.limitMessage.isVisible()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void searchFindsClientNamesWrittenWithAccentsFromPlainLetters() {
        AdminPrincipal admin = emptyMspAdmin();
        clientOrg(admin, "Café Lumière", TrainingState.READY);
        clientOrg(admin, "Cafe Lumen", TrainingState.READY);
        clientOrg(admin, "Café Lumineux", TrainingState.NOT_CONFIGURED);
        clientOrg(admin, "Bäckerei Süd", TrainingState.READY);
        signInAs(admin);
        var view = openWizard(4);

        test(view.selectOrgs.searchField).setValue("cafe lum");
        test(view.selectOrgs.selectAllEligibleButton).click();

        assertThat(clientNames(clients(view))).containsExactlyInAnyOrder("Café Lumière", "Cafe Lumen", "Café Lumineux");
        assertThat(view.state.clients)
                .extracting(ClientOrg::name)
                .containsExactlyInAnyOrder("Café Lumière", "Cafe Lumen");
    }

    @Test
    void aTwentySixthClientCannotBeAddedAndTheLimitMessageShows() {
        var view = openWizard(30);
        var grid = clients(view);
        var ready = IntStream.range(0, grid.size())
                .filter(row -> grid.getRow(row).ready())
                .boxed()
                .toList();

        ready.stream().limit(25).forEach(grid::select);
        assertThat(view.selectOrgs.limitMessage.isVisible()).isFalse();
        grid.select(ready.get(25));

        assertThat(view.state.clients).hasSize(25).doesNotContain(grid.getRow(ready.get(25)));
        assertThat(grid.getSelected()).hasSize(25);
        assertThat(view.selectOrgs.limitMessage.isVisible()).isTrue();
        assertThat(view.selectOrgs.limitMessage.getText()).isEqualTo(SelectOrgsStep.LIMIT_MESSAGE);
        assertThat(view.selectOrgs.selectionCount.getText()).isEqualTo("25 of at most 25 selected");
    }

    @Test
    void selectAllEligibleStopsAtTwentyFiveAndSaysWhy() {
        var view = openWizard(30);

        test(view.selectOrgs.selectAllEligibleButton).click();

        assertThat(view.state.clients).hasSize(25).allMatch(ClientOrg::ready);
        assertThat(view.selectOrgs.limitMessage.isVisible()).isTrue();
        assertThat(view.selectOrgs.limitMessage.getText()).isEqualTo(SelectOrgsStep.LIMIT_MESSAGE);
    }

    @Test
    void nextIsBlockedWithAMessageWhileNothingIsChosen() {
        var view = openWizard(30);

        next(view);

        assertThat(view.blockerMessage.isVisible()).isTrue();
        assertThat(view.blockerMessage.getText()).isEqualTo("Choose at least one Ready client.");
        assertThat(view.selectOrgs.isAttached()).isTrue();

        choose(view, "Acme Industries");
        next(view);
        assertThat(view.selectCourses.isAttached()).isTrue();
        assertThat(view.blockerMessage.isVisible()).isFalse();

        next(view);
        assertThat(view.blockerMessage.isVisible()).isTrue();
        assertThat(view.blockerMessage.getText()).isEqualTo("Choose at least one course.");
        assertThat(view.selectCourses.isAttached()).isTrue();
    }

    @Test
    void severalClientsLockTargetingToAllUsersAndSayWhy() {
        var view = openWizard(30);
        choose(view, "Acme Industries", "Bayside Dental Group");
        next(view);
        chooseCourses("phishing-fundamentals");

        next(view);

        assertThat(view.targeting.isAttached()).isTrue();
        assertThat(view.targeting.modeChoice.getValue()).isEqualTo(TargetMode.ALL_USERS);
        assertThat(view.targeting.modeChoice.isReadOnly()).isTrue();
        assertThat(test(view.targeting.modeChoice).isUsable()).isFalse();
        assertThat(view.targeting.lockedReason.isVisible()).isTrue();
        assertThat(view.targeting.lockedReason.getText()).isEqualTo(TargetingStep.LOCKED_REASON);
        assertThat(view.targeting.includedGroups.isVisible()).isFalse();
        assertThat(view.targeting.excludedGroups.isVisible()).isFalse();
    }

    @Test
    void oneClientOffersItsOwnGroupsWithMemberCounts() {
        ClientOrg acme = tenants().demoClient("Acme Industries");
        var expected = clientOrgs
                .groups(TenantScope.msp(acme.mspId()), acme.id())
                .map(TargetingStep::groupLabel)
                .collectList()
                .block();
        var view = openWizard(30);
        choose(view, "Acme Industries");
        next(view);
        chooseCourses("phishing-fundamentals");
        next(view);

        test(view.targeting.modeChoice).selectItem(TargetMode.SPECIFIC_GROUPS.label());

        assertThat(view.targeting.lockedReason.isVisible()).isFalse();
        assertThat(view.targeting.includedGroups.isVisible()).isTrue();
        eventually(() -> assertThat(groupLabels(view)).isNotEmpty());
        assertThat(groupLabels(view)).containsExactlyElementsOf(expected);
        test(view.targeting.includedGroups).selectItem(expected.getFirst());
        assertThat(view.state.includedGroups)
                .singleElement()
                .satisfies(group -> assertThat(expected.getFirst()).startsWith(group.name() + " ("));
    }

    @Test
    void aUserInBothAnEnrolledAndALeftOutGroupIsLeftOutOfThePreview() {
        ClientOrg acme = tenants().demoClient("Acme Industries");
        long expected = tenants().count("""
                SELECT COUNT(*) AS n
                FROM org_user u
                WHERE u.org_id = :id
                  AND u.status = 'ACTIVE'
                  AND EXISTS (SELECT 1 FROM group_membership m JOIN user_group g ON g.id = m.group_id
                              WHERE m.user_id = u.id AND g.name = 'Managers')
                  AND NOT EXISTS (SELECT 1 FROM group_membership m JOIN user_group g ON g.id = m.group_id
                                  WHERE m.user_id = u.id AND g.name = 'Executive')
                """, acme.id());
        long overlap = tenants().count("""
                SELECT COUNT(*) AS n
                FROM org_user u
                WHERE u.org_id = :id
                  AND u.status = 'ACTIVE'
                  AND EXISTS (SELECT 1 FROM group_membership m JOIN user_group g ON g.id = m.group_id
                              WHERE m.user_id = u.id AND g.name = 'Managers')
                  AND EXISTS (SELECT 1 FROM group_membership m JOIN user_group g ON g.id = m.group_id
                              WHERE m.user_id = u.id AND g.name = 'Executive')
                """, acme.id());
        var view = openWizard(30);
        choose(view, "Acme Industries");
        next(view);
        chooseCourses("phishing-fundamentals");
        next(view);
        test(view.targeting.modeChoice).selectItem(TargetMode.SPECIFIC_GROUPS.label());
        eventually(() -> assertThat(groupLabels(view)).isNotEmpty());

        test(view.targeting.includedGroups).selectItem(label(view, "Managers"));
        test(view.targeting.excludedGroups).selectItem(label(view, "Executive"));
        next(view);
        next(view);

        assertThat(overlap).as("Managers who are also in Executive").isPositive();
        eventually(() -> assertThat(previewLines(view))
                .singleElement()
                .asString()
                .startsWith("Acme Industries: " + expected + " learners"));
        assertThat(playback(view).get("Recipients"))
                .containsExactly("Members of Managers, except members of Executive");
    }

    private static String label(EnrollmentWizardView view, String group) {
        return groupLabels(view).stream()
                .filter(label -> label.startsWith(group + " ("))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void monthlyStaggerFromTheLastOfJanuaryClampsToTheEndOfFebruary() {
        var view = toSchedule("Acme Industries", "phishing-fundamentals", "mfa-basics", "clean-desk");

        view.schedule.monthlyStagger(LocalDate.of(2028, 1, 31));

        assertThat(enrollOnDates(view))
                .containsExactly(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31));
        assertThat(datePickers(view, "Due by"))
                .extracting(DatePicker::getValue)
                .containsExactly(LocalDate.of(2028, 3, 1), LocalDate.of(2028, 3, 30), LocalDate.of(2028, 4, 30));

        view.schedule.monthlyStagger(LocalDate.of(2027, 1, 31));

        assertThat(enrollOnDates(view))
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
    }

    @Test
    void reviewPlaysBackClientsCoursesRecipientsAndNotifications() {
        ClientOrg acme = tenants().demoClient("Acme Industries");
        var view = toSchedule(acme.name(), "phishing-fundamentals", "hipaa-privacy");

        next(view);

        var playback = playback(view);
        assertThat(playback.keySet()).containsExactly("Clients", "Courses", "Recipients", "Notifications");
        assertThat(playback.get("Clients")).containsExactly("Acme Industries");
        assertThat(playback.get("Courses"))
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("Phishing Fundamentals: enrolls immediately, due by"),
                        line -> assertThat(line)
                                .startsWith("HIPAA Privacy and Security for Staff: enrolls immediately"));
        assertThat(playback.get("Recipients")).singleElement().asString().startsWith("All users");
        assertThat(playback.get("Notifications")).containsExactly("No emails: learners are not notified.");
        String reach = "Acme Industries: " + tenants().activeUsers(acme) + " learners for each course it has enabled";
        eventually(() -> assertThat(previewLines(view))
                .singleElement()
                .asString()
                .startsWith(reach)
                .contains("Needs Access", "HIPAA Privacy and Security for Staff"));

        test(view.backButton).click();
        test(view.schedule.enrollmentEmail).click();
        next(view);

        assertThat(playback(view).get("Notifications")).containsExactly("Enrollment email on; reminder emails off");
        eventually(
                () -> assertThat(previewLines(view)).singleElement().asString().startsWith(reach));
    }

    @Test
    void launchShowsOneLinePerClientWithACrossAndTheReasonForAClientNoLongerReady() {
        ClientOrg harbor = tenants().demoClient("Harbor Point Marina");
        ClientOrg iberia = tenants().demoClient("Iberia Tapas Group");
        long harborBatches = tenants().batches(harbor);
        var view = openWizard(30);
        choose(view, harbor.name(), iberia.name());
        next(view);
        setTrainingState(iberia, TrainingState.NOT_CONFIGURED);
        try {
            chooseCourses("clean-desk");
            next(view);
            next(view);
            next(view);
            eventually(() -> assertThat(previewLines(view))
                    .hasSize(2)
                    .anySatisfy(line -> assertThat(line).startsWith(harbor.name() + ": "))
                    .anySatisfy(line ->
                            assertThat(line).startsWith(iberia.name() + ": ").contains("Not configured")));

            test(view.launchButton).click();

            var results = find(LaunchResultsPanel.class).single();
            eventually(() -> assertThat(results.results.getChildren()).hasSize(2));
            assertThat(results.progress.getText()).isEqualTo("2 of 2 clients done, 1 failed");
            var launched = resultLine(results, harbor);
            assertThat(launched.getElement().getClassList()).contains("launch-result--ok");
            assertThat(find(Icon.class).from(launched).single().getClassNames()).contains("result-ok");
            assertThat(launched.getElement().getTextRecursively()).isEqualTo(harbor.name());
            var refused = resultLine(results, iberia);
            assertThat(refused.getElement().getClassList()).contains("launch-result--failed");
            assertThat(find(Icon.class).from(refused).single().getClassNames()).contains("result-failed");
            assertThat(find(Span.class)
                            .from(refused)
                            .withClassName("launch-result__error")
                            .single()
                            .getText())
                    .contains("Iberia Tapas Group is Not configured");
            assertThat(tenants().batches(harbor)).isEqualTo(harborBatches + 1);
            assertThat(tenants().batches(iberia)).isZero();
        } finally {
            setTrainingState(iberia, TrainingState.READY);
        }
    }

    @Test
    void aClientThatFailedCanBeLaunchedAgainOnceItIsReady() {
        ClientOrg juniper = tenants().demoClient("Juniper Architecture");
        ClientOrg kestrel = tenants().demoClient("Kestrel Aerospace Parts");
        long juniperBatches = tenants().batches(juniper);
        long kestrelBatches = tenants().batches(kestrel);
        var view = openWizard(30);
        choose(view, juniper.name(), kestrel.name());
        next(view);
        setTrainingState(kestrel, TrainingState.NOT_CONFIGURED);
        LaunchResultsPanel results;
        try {
            chooseCourses("tailgating");
            next(view);
            next(view);
            next(view);
            eventually(() -> assertThat(previewLines(view)).hasSize(2));
            test(view.launchButton).click();
            results = find(LaunchResultsPanel.class).single();
            eventually(() -> assertThat(results.progress.getText()).isEqualTo("2 of 2 clients done, 1 failed"));
        } finally {
            setTrainingState(kestrel, TrainingState.READY);
        }

        test(find(Button.class)
                        .from(resultLine(results, kestrel))
                        .withText("Launch again")
                        .single())
                .click();

        eventually(() -> assertThat(resultLine(results, kestrel).getElement().getClassList())
                .contains("launch-result--ok"));
        assertThat(results.results.getChildren()).hasSize(2);
        assertThat(results.progress.getText()).isEqualTo("2 of 2 clients done");
        assertThat(tenants().batches(kestrel)).isEqualTo(kestrelBatches + 1);
        assertThat(tenants().batches(juniper)).isEqualTo(juniperBatches + 1);

        test(results.dashboardButton).click();
        assertThat(getCurrentView()).isInstanceOf(TrainingDashboardView.class);
    }

    @Test
    void leavingWithChoicesNotLaunchedAsksFirst() {
        var view = openWizard(30);
        choose(view, "Acme Industries");

        UI.getCurrent().navigate(TrainingDashboardView.class);

        assertThat(getCurrentView()).isSameAs(view);
        var stay = leaveQuestion();
        assertThat(stay.getHeader()).isEqualTo("Leave the wizard?");
        stay.cancel();
        assertThat(getCurrentView()).isSameAs(view);
        assertThat(view.state.clients).extracting(ClientOrg::name).containsExactly("Acme Industries");

        UI.getCurrent().navigate(TrainingDashboardView.class);
        leaveQuestion().confirm();

        assertThat(getCurrentView()).isInstanceOf(TrainingDashboardView.class);
    }

    @Test
    void leavingBeforeChoosingAnythingDoesNotAsk() {
        openWizard(30);

        UI.getCurrent().navigate(TrainingDashboardView.class);

        assertThat(getCurrentView()).isInstanceOf(TrainingDashboardView.class);
        assertThat(find(ConfirmDialog.class).exists()).isFalse();
    }

    private EnrollmentWizardView openWizard(int clients) {
        var view = navigate(EnrollmentWizardView.class);
        eventually(() -> assertThat(clients(view).size()).isEqualTo(clients));
        return view;
    }

    private EnrollmentWizardView toSchedule(String client, String... courseIds) {
        var view = openWizard(30);
        choose(view, client);
        next(view);
        chooseCourses(courseIds);
        next(view);
        eventually(() -> assertThat(groupLabels(view)).isNotEmpty());
        next(view);
        assertThat(view.schedule.isAttached()).isTrue();
        return view;
    }

    private GridTester<?, ClientOrg> clients(EnrollmentWizardView view) {
        return test(view.selectOrgs.clientGrid);
    }

    private void choose(EnrollmentWizardView view, String... names) {
        var grid = clients(view);
        for (String name : names) {
            grid.select(rowOf(grid, name));
        }
    }

    private void chooseCourses(String... courseIds) {
        for (String courseId : courseIds) {
            test(find(Div.class).withAttribute("data-course", courseId).single())
                    .click();
        }
    }

    private void next(EnrollmentWizardView view) {
        test(view.nextButton).click();
    }

    private static int rowOf(GridTester<?, ClientOrg> grid, String name) {
        return IntStream.range(0, grid.size())
                .filter(row -> grid.getRow(row).name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in the grid"));
    }

    private static List<String> clientNames(GridTester<?, ClientOrg> grid) {
        return IntStream.range(0, grid.size())
                .mapToObj(row -> grid.getCellText(row, CLIENT))
                .toList();
    }

    private ConfirmDialogTester leaveQuestion() {
        return test(
                find(ConfirmDialog.class).withCondition(ConfirmDialog::isOpened).single());
    }

    private void setTrainingState(ClientOrg client, TrainingState state) {
        clientOrgs.setTrainingState(client.mspId(), client.id(), state).block();
    }

    private void clientOrg(AdminPrincipal admin, String name, TrainingState state) {
        clientOrgs.create(admin.mspId(), name, ZoneId.of("Europe/Paris"), state).block();
    }

    private static List<String> groupLabels(EnrollmentWizardView view) {
        var groups = view.targeting.includedGroups;
        return groups.getListDataView()
                .getItems()
                .map(groups.getItemLabelGenerator())
                .toList();
    }

    private List<DatePicker> datePickers(EnrollmentWizardView view, String label) {
        return find(DatePicker.class)
                .from(view.schedule.courseRows)
                .withLabel(label)
                .all();
    }

    private List<LocalDate> enrollOnDates(EnrollmentWizardView view) {
        var shown = datePickers(view, "Enroll on").stream()
                .map(DatePicker::getValue)
                .toList();
        var chosen = view.state.courses.stream()
                .map(course -> view.state.enrollOn.get(course.id()))
                .toList();
        assertThat(shown).isEqualTo(chosen);
        return shown;
    }

    private Map<String, List<String>> playback(EnrollmentWizardView view) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        view.review
                .playback
                .getChildren()
                .forEach(section -> sections.put(
                        find(H3.class).from(section).single().getText(),
                        find(ListItem.class).from(section).all().stream()
                                .map(ListItem::getText)
                                .toList()));
        return sections;
    }

    private List<String> previewLines(EnrollmentWizardView view) {
        return find(ListItem.class).from(view.review.preview).all().stream()
                .map(ListItem::getText)
                .toList();
    }

    private static Component resultLine(LaunchResultsPanel results, ClientOrg client) {
        UUID orgId = client.id();
        return results.results
                .getChildren()
                .filter(line -> orgId.toString().equals(line.getElement().getAttribute("data-org")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No result line for " + client.name()));
    }
}
