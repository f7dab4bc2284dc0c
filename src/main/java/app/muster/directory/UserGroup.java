package app.muster.directory;

import java.util.UUID;

/** A named set of users inside one client org, with how many members it has and how many of them are active. */
public record UserGroup(UUID id, UUID orgId, String name, long memberCount, long activeMembers) {}
