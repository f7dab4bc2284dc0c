package app.muster.enrollment.ui;

import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.UiUpdates;
import app.muster.directory.ClientOrg;
import app.muster.directory.UserGroup;
import app.muster.enrollment.TargetMode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Step 3: who gets the courses. Several clients lock targeting to All users, as groups belong to one client. */
class TargetingStep extends VerticalLayout implements WizardStep {

    static final String LOCKED_REASON = "Several clients are selected, so targeting is All users: groups belong to "
            + "a single client. To target groups, launch one batch per client.";

    final RadioButtonGroup<TargetMode> modeChoice = new RadioButtonGroup<>("Recipients");
    final Paragraph lockedReason = new Paragraph(LOCKED_REASON);
    final CheckboxGroup<UserGroup> includedGroups = new CheckboxGroup<>("Groups to enroll");
    final CheckboxGroup<UserGroup> excludedGroups = new CheckboxGroup<>("Groups to leave out");
    private final WizardState state;
    private final Function<UUID, Mono<List<UserGroup>>> groupsOfClient;
    private UUID groupsLoadedFor;

    TargetingStep(WizardState state, Function<UUID, Mono<List<UserGroup>>> groupsOfClient) {
        this.state = state;
        this.groupsOfClient = groupsOfClient;
        modeChoice.setItems(TargetMode.ALL_USERS, TargetMode.SPECIFIC_GROUPS, TargetMode.EXCLUDE_GROUPS);
        modeChoice.setItemLabelGenerator(TargetMode::label);
        modeChoice.setValue(TargetMode.ALL_USERS);
        lockedReason.addClassName("locked-reason");
        includedGroups.setItemLabelGenerator(TargetingStep::groupLabel);
        excludedGroups.setItemLabelGenerator(TargetingStep::groupLabel);
        excludedGroups.setHelperText("A user in both an enrolled and a left-out group is left out.");

        modeChoice.addValueChangeListener(change -> modeChanged(change.getValue()));
        includedGroups.addValueChangeListener(change -> replace(state.includedGroups, change.getValue()));
        excludedGroups.addValueChangeListener(change -> replace(state.excludedGroups, change.getValue()));

        setPadding(false);
        add(modeChoice, lockedReason, includedGroups, excludedGroups);
    }

    /** A group's name and size; suspended members are counted apart, as no course reaches them. */
    static String groupLabel(UserGroup group) {
        String members = group.memberCount() + (group.memberCount() == 1 ? " member" : " members");
        if (group.activeMembers() == group.memberCount()) {
            return group.name() + " (" + members + ")";
        }
        return group.name() + " (" + members + ", " + group.activeMembers() + " active)";
    }

    private static void replace(java.util.Set<UserGroup> target, java.util.Set<UserGroup> chosen) {
        target.clear();
        target.addAll(chosen);
    }

    @Override
    public void enter() {
        boolean locked = state.severalClients();
        if (locked) {
            modeChoice.setValue(TargetMode.ALL_USERS);
        }
        modeChoice.setReadOnly(locked);
        lockedReason.setVisible(locked);
        modeChanged(modeChoice.getValue());
        if (!locked) {
            loadGroups(state.clients.iterator().next());
        }
    }

    private void modeChanged(TargetMode mode) {
        state.targetMode = mode;
        includedGroups.setVisible(mode == TargetMode.SPECIFIC_GROUPS);
        excludedGroups.setVisible(mode != TargetMode.ALL_USERS);
        if (mode == TargetMode.ALL_USERS) {
            includedGroups.clear();
            excludedGroups.clear();
        }
        if (mode == TargetMode.EXCLUDE_GROUPS) {
            includedGroups.clear();
        }
    }

    private void loadGroups(ClientOrg client) {
        if (client.id().equals(groupsLoadedFor)) {
            return;
        }
        groupsLoadedFor = client.id();
        includedGroups.clear();
        excludedGroups.clear();
        UI ui = UI.getCurrent();
        groupsOfClient
                .apply(client.id())
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        groups -> UiUpdates.apply(ui, () -> showGroups(groups)),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
    }

    private void showGroups(List<UserGroup> groups) {
        includedGroups.setItems(groups);
        excludedGroups.setItems(groups);
    }

    @Override
    public String title() {
        return "Targeting";
    }

    @Override
    public Component content() {
        return this;
    }

    @Override
    public Optional<String> blocker() {
        if (state.targetMode == TargetMode.SPECIFIC_GROUPS && state.includedGroups.isEmpty()) {
            return Optional.of("Choose at least one group to enroll.");
        }
        if (state.targetMode == TargetMode.EXCLUDE_GROUPS && state.excludedGroups.isEmpty()) {
            return Optional.of("Choose at least one group to leave out.");
        }
        return Optional.empty();
    }
}
