package app.muster.enrollment.ui;

import app.muster.base.ui.ErrorMessages;
import app.muster.base.ui.UiUpdates;
import app.muster.directory.ClientOrg;
import app.muster.directory.OrgUser;
import app.muster.directory.UserGroup;
import app.muster.enrollment.TargetMode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Step 3: who gets the courses. Several clients lock targeting to All users, as groups belong to one client. In the
 * org portal, individual users of the one client can be picked too.
 */
class TargetingStep extends VerticalLayout implements WizardStep {

    static final String LOCKED_REASON = "Several clients are selected, so targeting is All users: groups belong to "
            + "a single client. To target groups, launch one batch per client.";

    final RadioButtonGroup<TargetMode> modeChoice = new RadioButtonGroup<>("Recipients");
    final Paragraph lockedReason = new Paragraph(LOCKED_REASON);
    final CheckboxGroup<UserGroup> includedGroups = new CheckboxGroup<>("Groups to enroll");
    final CheckboxGroup<UserGroup> excludedGroups = new CheckboxGroup<>("Groups to leave out");
    final MultiSelectComboBox<OrgUser> individualUsers = new MultiSelectComboBox<>("Users");
    private final WizardState state;
    private final Function<UUID, Mono<List<UserGroup>>> groupsOfClient;
    private final Function<UUID, Mono<List<OrgUser>>> usersOfClient;
    private UUID groupsLoadedFor;

    /** Targeting by all users or groups, as the MSP portal offers it. */
    TargetingStep(WizardState state, Function<UUID, Mono<List<UserGroup>>> groupsOfClient) {
        this(state, groupsOfClient, null);
    }

    /** With {@code usersOfClient}, the fourth mode, Individual users, is offered as well. */
    TargetingStep(
            WizardState state,
            Function<UUID, Mono<List<UserGroup>>> groupsOfClient,
            Function<UUID, Mono<List<OrgUser>>> usersOfClient) {
        this.state = state;
        this.groupsOfClient = groupsOfClient;
        this.usersOfClient = usersOfClient;
        if (usersOfClient == null) {
            modeChoice.setItems(TargetMode.ALL_USERS, TargetMode.SPECIFIC_GROUPS, TargetMode.EXCLUDE_GROUPS);
        } else {
            modeChoice.setItems(TargetMode.values());
        }
        modeChoice.setItemLabelGenerator(TargetMode::label);
        modeChoice.setValue(TargetMode.ALL_USERS);
        lockedReason.addClassName("locked-reason");
        includedGroups.setItemLabelGenerator(TargetingStep::groupLabel);
        excludedGroups.setItemLabelGenerator(TargetingStep::groupLabel);
        excludedGroups.setHelperText("A user in both an enrolled and a left-out group is left out.");

        modeChoice.addValueChangeListener(change -> modeChanged(change.getValue()));
        includedGroups.addValueChangeListener(change -> replace(state.includedGroups, change.getValue()));
        excludedGroups.addValueChangeListener(change -> replace(state.excludedGroups, change.getValue()));
        individualUsers.setId("individual-users");
        individualUsers.setItemLabelGenerator(TargetingStep::userLabel);
        individualUsers.setPlaceholder("Search by name or email");
        individualUsers.setHelperText(
                "Pick any number of users. Suspended users are not listed: no course reaches them.");
        individualUsers.setWidth("min(40rem, 100%)");
        individualUsers.setVisible(false);
        individualUsers.addValueChangeListener(change -> {
            state.individualUsers.clear();
            state.individualUsers.addAll(change.getValue());
        });

        setPadding(false);
        add(modeChoice, lockedReason, includedGroups, excludedGroups, individualUsers);
    }

    /** A user as picked and played back: name and email, so two people of one name can be told apart. */
    static String userLabel(OrgUser user) {
        return user.name() + " (" + user.email() + ")";
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
        excludedGroups.setVisible(mode == TargetMode.SPECIFIC_GROUPS || mode == TargetMode.EXCLUDE_GROUPS);
        individualUsers.setVisible(mode == TargetMode.INDIVIDUAL_USERS);
        if (mode != TargetMode.INDIVIDUAL_USERS) {
            individualUsers.clear();
        }
        if (mode == TargetMode.ALL_USERS || mode == TargetMode.INDIVIDUAL_USERS) {
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
        individualUsers.clear();
        UI ui = UI.getCurrent();
        groupsOfClient
                .apply(client.id())
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        groups -> UiUpdates.apply(ui, () -> showGroups(groups)),
                        error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
        if (usersOfClient != null) {
            usersOfClient
                    .apply(client.id())
                    .subscribeOn(Schedulers.boundedElastic())
                    .subscribe(
                            users -> UiUpdates.apply(ui, () -> showUsers(users)),
                            error -> UiUpdates.apply(ui, () -> ErrorMessages.show(error)));
        }
    }

    private void showUsers(List<OrgUser> users) {
        individualUsers.setItems(
                (user, filter) -> SearchText.matches(user.name() + " " + user.email(), filter),
                users.stream().filter(OrgUser::active).toList());
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
        if (state.targetMode == TargetMode.INDIVIDUAL_USERS && state.individualUsers.isEmpty()) {
            return Optional.of("Choose at least one user: search by name or email.");
        }
        return Optional.empty();
    }
}
