package app.muster.catalog;

import app.muster.base.NotFound;
import app.muster.base.TenantScope;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The shared course library and which courses each client org may use (course access). */
@Service
public class CourseLibrary {

    private static final String ALL_COURSES = """
            SELECT id, title, category, minutes, languages
            FROM course
            ORDER BY title
            """;

    private static final String INSERT_COURSE = """
            INSERT INTO course (id, title, category, minutes, languages)
            VALUES (:id, :title, :category, :minutes, :languages)
            ON CONFLICT DO NOTHING
            """;

    private static final String COURSES_WITH_ACCESS = """
            SELECT a.course_id
            FROM org_course_access a
            JOIN client_org o ON o.id = a.org_id
            WHERE o.msp_id = :mspId
              AND a.org_id = :orgId
            """;

    private static final String ACCESS_IN_MSP = """
            SELECT a.org_id, a.course_id
            FROM org_course_access a
            JOIN client_org o ON o.id = a.org_id
            WHERE o.msp_id = :mspId
            """;

    private static final String GRANT_ACCESS = """
            INSERT INTO org_course_access (org_id, course_id)
            SELECT o.id, c.id
            FROM client_org o
            JOIN course c ON c.id = :courseId
            WHERE o.id = :orgId
              AND o.msp_id = :mspId
            ON CONFLICT DO NOTHING
            """;

    private final DatabaseClient db;

    CourseLibrary(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Course> all() {
        return db.sql(ALL_COURSES)
                .map(row -> new Course(
                        row.get("id", String.class),
                        row.get("title", String.class),
                        row.get("category", String.class),
                        row.get("minutes", Integer.class),
                        languages(row.get("languages", String.class))))
                .all();
    }

    public Mono<Void> add(Course course) {
        return db.sql(INSERT_COURSE)
                .bind("id", course.id())
                .bind("title", course.title())
                .bind("category", course.category())
                .bind("minutes", course.minutes())
                .bind("languages", String.join(" ", course.languages()))
                .then();
    }

    public Mono<Set<String>> coursesWithAccess(TenantScope scope, UUID orgId) {
        return scope.within(orgId)
                .thenMany(db.sql(COURSES_WITH_ACCESS)
                        .bind("mspId", scope.mspId())
                        .bind("orgId", orgId)
                        .map(row -> row.get("course_id", String.class))
                        .all())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Course access of every client org within reach: org id to the ids of the courses it may use. */
    public Mono<Map<UUID, Set<String>>> accessByOrg(TenantScope scope) {
        return db.sql(ACCESS_IN_MSP)
                .bind("mspId", scope.mspId())
                .map(row -> Map.entry(row.get("org_id", UUID.class), row.get("course_id", String.class)))
                .all()
                .filter(access -> scope.reaches(access.getKey()))
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toUnmodifiableSet())));
    }

    /** Enables a course for one of the MSP's client orgs; a client or course that is not theirs is not found. */
    public Mono<Void> grantAccess(UUID mspId, UUID orgId, String courseId) {
        return db.sql(GRANT_ACCESS)
                .bind("mspId", mspId)
                .bind("orgId", orgId)
                .bind("courseId", courseId)
                .fetch()
                .rowsUpdated()
                .then(coursesWithAccess(TenantScope.msp(mspId), orgId))
                .flatMap(access -> access.contains(courseId)
                        ? Mono.empty()
                        : Mono.error(new NotFound("Course " + courseId + " for client org " + orgId)));
    }

    private static List<String> languages(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split("\\s+"))
                .filter(s -> !s.isBlank())
                .toList();
    }
}
