package app.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.muster.MusterTest;
import app.muster.MutableClock;
import app.muster.TestTenants;
import app.muster.base.Rows;
import app.muster.directory.ClientOrg;
import app.muster.directory.ClientOrgs;
import app.muster.enrollment.CourseSchedule;
import app.muster.enrollment.LaunchRequest;
import app.muster.enrollment.LaunchService;
import app.muster.enrollment.LearnerProgress;
import app.muster.enrollment.Notifications;
import app.muster.enrollment.Targeting;
import app.muster.learning.LearnerLinks;
import app.muster.msp.Msps;
import app.muster.security.AdminAccounts;
import app.muster.security.AdminPrincipal;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@MusterTest
@Import(LearnerEmailsTests.TestClock.class)
@TestPropertySource(
        properties = {
            "muster.mail.delivery=smtp",
            "muster.mail.poll-interval=PT1H",
            "muster.scheduler.poll-interval=PT1H",
            "muster.public-url=https://training.example/"
        })
class LearnerEmailsTests {

    /** Monday 7 June 2027, 10:00 in New York. */
    static final Instant LAUNCH = Instant.parse("2027-06-07T14:00:00Z");

    static final LocalDate LAUNCH_DAY = LocalDate.of(2027, 6, 7);
    static final LocalDate FAR_DUE = LocalDate.of(2027, 6, 30);
    static final Duration GATHERING = Duration.ofMinutes(1);
    static final Pattern LINK = Pattern.compile("https://training\\.example/learn/([A-Za-z0-9_-]+)");
    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtpServer =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(LAUNCH);
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    LearnerEmailScheduler scheduler;

    @Autowired
    LaunchService launchService;

    @Autowired
    LearnerLinks learnerLinks;

    @Autowired
    LearnerProgress learnerProgress;

    @Autowired
    LearnerMail learnerMail;

    @Autowired
    PendingEmails pendingEmails;

    @Autowired
    Environment environment;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    Msps msps;

    @Autowired
    ClientOrgs clientOrgs;

    @Autowired
    DatabaseClient db;

    TestTenants tenants;
    AdminPrincipal admin;

    @BeforeEach
    void launchDay() {
        clock.set(LAUNCH);
        tenants = new TestTenants(accounts, msps, clientOrgs, db);
        admin = tenants.demoAdmin();
    }

    @Test
    void sendsNothingWhenBothTogglesAreOff() {
        ClientOrg tidewater = tenants.demoClient("Tidewater Title & Escrow");
        launch(
                tidewater,
                Notifications.none(),
                LAUNCH_DAY.plusDays(3),
                "phishing-fundamentals",
                "mfa-basics",
                "passphrases");

        sendDueAt(LAUNCH.plus(GATHERING));
        sendDueAt(Instant.parse("2027-06-10T14:00:00Z"));

        for (Learner learner : activeLearners(tidewater)) {
            assertThat(messagesTo(learner)).as(learner.email()).isEmpty();
        }
        assertThat(tenants.count("""
                SELECT COUNT(*) AS n
                FROM learner_email e
                JOIN org_user u ON u.id = e.user_id
                WHERE u.org_id = :id
                """, tidewater.id())).isZero();
    }

    @Test
    void sendsOneEmailListingEveryCourseThatFiredTogether() {
        ClientOrg harbor = tenants.demoClient("Harbor Point Marina");
        launch(harbor, new Notifications(true, false), FAR_DUE, "phishing-fundamentals", "mfa-basics", "passphrases");
        List<Learner> learners = activeLearners(harbor);

        sendDueAt(LAUNCH);
        assertThat(learners)
                .allSatisfy(learner -> assertThat(messagesTo(learner)).isEmpty());

        sendDueAt(LAUNCH.plus(GATHERING));

        await().untilAsserted(() -> assertThat(learners)
                .allSatisfy(learner -> assertThat(messagesTo(learner)).hasSize(1)));
        for (Learner learner : learners) {
            MimeMessage message = messagesTo(learner).getFirst();
            assertThat(subject(message)).isEqualTo("New security training: 3 courses");
            assertThat(body(message))
                    .contains(
                            "Hello " + learner.firstName() + ",",
                            "Harbor Point Marina",
                            "Phishing Fundamentals",
                            "Multi-Factor Authentication Basics",
                            "Passphrases and Password Managers",
                            "Wednesday, 30 June 2027");
            assertThat(learnerLinks.learner(token(message)).block().userId()).isEqualTo(learner.id());
        }
        assertThat(learners).hasSize((int) tenants.activeUsers(harbor)).isNotEmpty();
    }

    @Test
    void aCourseAssignedWithinTheHourOfTheLastEnrollmentEmailWaitsForTheHourToEnd() {
        ClientOrg aurora = tenants.demoClient("Aurora Nonprofit Alliance");
        launch(aurora, new Notifications(true, false), FAR_DUE, "phishing-fundamentals");
        Instant firstSent = LAUNCH.plus(GATHERING);
        sendDueAt(firstSent);
        List<Learner> learners = activeLearners(aurora);
        assertThat(learners)
                .allSatisfy(learner -> assertThat(messagesTo(learner)).hasSize(1));

        clock.set(LAUNCH.plus(Duration.ofMinutes(10)));
        launch(aurora, new Notifications(true, false), FAR_DUE, "mfa-basics");
        sendDueAt(LAUNCH.plus(Duration.ofMinutes(12)));
        sendDueAt(firstSent.plus(Duration.ofHours(1)).minusSeconds(1));
        assertThat(learners)
                .allSatisfy(learner -> assertThat(messagesTo(learner)).hasSize(1));

        sendDueAt(firstSent.plus(Duration.ofHours(1)));

        await().untilAsserted(() -> assertThat(learners)
                .allSatisfy(learner -> assertThat(messagesTo(learner)).hasSize(2)));
        for (Learner learner : learners) {
            MimeMessage second = messagesTo(learner).get(1);
            assertThat(subject(second)).isEqualTo("New security training: Multi-Factor Authentication Basics");
            assertThat(body(second)).doesNotContain("Phishing Fundamentals");
        }
    }

    @Test
    void retriesAFailedSendAndDeliversItOnce() {
        ClientOrg juniper = tenants.demoClient("Juniper Architecture");
        launch(juniper, new Notifications(true, false), FAR_DUE, "clean-desk");
        List<Learner> learners = activeLearners(juniper);
        smtpServer.stop();

        sendDueAt(LAUNCH.plus(GATHERING));
        Learner failedFirst = learnerOf(userWithAFailedEmail(juniper));
        assertThat(emailsOf(juniper, "PENDING")).isEqualTo(learners.size());

        smtpServer.start();
        sendDueAt(LAUNCH.plus(GATHERING).plusSeconds(59));
        await().untilAsserted(() -> assertThat(learners)
                .allSatisfy(learner -> assertThat(messagesTo(learner)).hasSize(learner.equals(failedFirst) ? 0 : 1)));

        sendDueAt(LAUNCH.plus(GATHERING).plus(EmailSending.backoff(1)));
        await().untilAsserted(() -> assertThat(messagesTo(failedFirst)).hasSize(1));

        sendDueAt(LAUNCH.plus(Duration.ofHours(3)));
        assertThat(learners)
                .allSatisfy(learner -> assertThat(messagesTo(learner)).hasSize(1));
        assertThat(emailsOf(juniper, "SENT")).isEqualTo(learners.size());
    }

    @Test
    void neverResendsAnEmailWhoseSendingWasInterrupted() {
        ClientOrg orchard = tenants.demoClient("Orchard Veterinary Hospital");
        launch(orchard, new Notifications(true, false), FAR_DUE, "software-updates");
        List<Learner> learners = activeLearners(orchard);
        Learner interrupted = learners.getFirst();
        Instant queuedAt = LAUNCH.plus(GATHERING);
        pendingEmails.queue(queuedAt).block();
        db.sql("""
                UPDATE learner_email
                SET status = 'SENDING',
                    attempts = 1,
                    claimed_at = :claimedAt
                WHERE user_id = :userId
                """)
                .bind("claimedAt", queuedAt.atOffset(ZoneOffset.UTC))
                .bind("userId", interrupted.id())
                .then()
                .block();

        sendDueAt(queuedAt);
        sendDueAt(queuedAt.plus(EmailSending.INTERRUPTED_AFTER).plusSeconds(1));
        sendDueAt(queuedAt.plus(Duration.ofHours(3)));

        assertThat(messagesTo(interrupted)).isEmpty();
        assertThat(learners.subList(1, learners.size()))
                .allSatisfy(learner -> assertThat(messagesTo(learner)).hasSize(1));
        assertThat(emailsOf(orchard, "FAILED")).isOne();
    }

    @Test
    void remindsThreeDaysBeforeAndOnTheDueDateOnceEachOnlyWithRemindersOn() {
        ClientOrg meridian = tenants.demoClient("Meridian Accounting");
        ClientOrg willow = tenants.demoClient("Willow Creek Pharmacy");
        LocalDate dueBy = LocalDate.of(2027, 6, 12);
        launch(meridian, new Notifications(false, true), dueBy, "ransomware");
        launch(willow, new Notifications(true, false), dueBy, "ransomware");
        List<Learner> meridianLearners = activeLearners(meridian);
        Learner finishedEarly = meridianLearners.getFirst();
        learnerProgress.complete(assignmentOf(finishedEarly), 90).block();
        List<Learner> reminded = meridianLearners.subList(1, meridianLearners.size());

        sendDueAt(Instant.parse("2027-06-08T14:00:00Z"));
        sendDueAt(Instant.parse("2027-06-09T03:59:00Z"));
        assertThat(reminded)
                .allSatisfy(learner -> assertThat(messagesTo(learner)).isEmpty());

        sendDueAt(Instant.parse("2027-06-09T04:00:00Z"));
        sendDueAt(Instant.parse("2027-06-09T20:00:00Z"));
        sendDueAt(Instant.parse("2027-06-12T03:59:00Z"));
        assertThat(reminded)
                .allSatisfy(learner -> assertThat(subjectsTo(learner))
                        .containsExactly("Reminder: Ransomware: What Every Employee Should Know due in 3 days"));

        sendDueAt(Instant.parse("2027-06-12T04:00:00Z"));
        sendDueAt(Instant.parse("2027-06-12T22:00:00Z"));
        sendDueAt(Instant.parse("2027-06-13T14:00:00Z"));

        assertThat(reminded)
                .allSatisfy(learner -> assertThat(subjectsTo(learner))
                        .containsExactly(
                                "Reminder: Ransomware: What Every Employee Should Know due in 3 days",
                                "Reminder: Ransomware: What Every Employee Should Know due today"));
        assertThat(messagesTo(finishedEarly)).isEmpty();
        assertThat(activeLearners(willow))
                .allSatisfy(learner -> assertThat(subjectsTo(learner))
                        .containsExactly("New security training: Ransomware: What Every Employee Should Know"));
    }

    @Test
    void twoPollersAtOnceSendEachEmailOnce() {
        List<ClientOrg> clients =
                List.of(tenants.demoClient("Fjord Consulting AS"), tenants.demoClient("Redwood Credit Partners"));
        for (ClientOrg client : clients) {
            launch(client, new Notifications(true, false), FAR_DUE, "tailgating", "usb-media");
        }
        List<Learner> learners = clients.stream()
                .flatMap(client -> activeLearners(client).stream())
                .toList();
        LearnerEmailScheduler secondInstance = secondInstanceOnTheSameDatabase();
        clock.set(LAUNCH.plus(GATHERING));

        List<Long> sent = Flux.merge(
                        scheduler.sendDue().subscribeOn(Schedulers.boundedElastic()),
                        secondInstance.sendDue().subscribeOn(Schedulers.boundedElastic()))
                .collectList()
                .block();

        assertThat(sent.stream().mapToLong(Long::longValue).sum()).isEqualTo(learners.size());
        assertThat(learners)
                .allSatisfy(learner -> assertThat(messagesTo(learner)).hasSize(1));
    }

    private LearnerEmailScheduler secondInstanceOnTheSameDatabase() {
        var options = ConnectionFactoryOptions.parse(environment.getProperty("spring.r2dbc.url"))
                .mutate()
                .option(ConnectionFactoryOptions.USER, environment.getProperty("spring.r2dbc.username", "sa"))
                .option(ConnectionFactoryOptions.PASSWORD, environment.getProperty("spring.r2dbc.password", ""))
                .build();
        var connections = ConnectionFactories.get(options);
        var otherDb = DatabaseClient.create(connections);
        var otherTransactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        var pendingEmails = new PendingEmails(otherDb, otherTransactions, GATHERING);
        var sending = new EmailSending(
                otherDb, otherTransactions, learnerLinks, learnerMail, clock, "https://training.example");
        return new LearnerEmailScheduler(pendingEmails, sending, clock, Duration.ofHours(1));
    }

    private void launch(ClientOrg client, Notifications notifications, LocalDate dueBy, String... courseIds) {
        var courses = Arrays.stream(courseIds)
                .map(id -> CourseSchedule.immediately(id, dueBy))
                .toList();
        var request = new LaunchRequest(
                UUID.randomUUID(), List.of(client.id()), courses, Targeting.allUsers(), notifications);
        assertThat(launchService.launch(admin, request).blockFirst().succeeded())
                .isTrue();
    }

    private void sendDueAt(Instant instant) {
        clock.set(instant);
        scheduler.sendDue().block();
    }

    private List<Learner> activeLearners(ClientOrg org) {
        return db.sql("""
                SELECT id, email, first_name
                FROM org_user
                WHERE org_id = :orgId
                  AND status = 'ACTIVE'
                ORDER BY email
                """)
                .bind("orgId", org.id())
                .map(row -> new Learner(
                        row.get("id", UUID.class), row.get("email", String.class), row.get("first_name", String.class)))
                .all()
                .collectList()
                .block();
    }

    private long assignmentOf(Learner learner) {
        return db.sql("SELECT id FROM learner_assignment WHERE user_id = :userId")
                .bind("userId", learner.id())
                .map(row -> Rows.count(row, "id"))
                .one()
                .block();
    }

    /** The one user of the org whose email has failed once. */
    private UUID userWithAFailedEmail(ClientOrg org) {
        return db.sql("""
                SELECT e.user_id
                FROM learner_email e
                JOIN org_user u ON u.id = e.user_id
                WHERE u.org_id = :orgId
                  AND e.attempts = 1
                  AND e.last_error IS NOT NULL
                """)
                .bind("orgId", org.id())
                .map(row -> row.get("user_id", UUID.class))
                .one()
                .block();
    }

    private Learner learnerOf(UUID userId) {
        return db.sql("SELECT id, email, first_name FROM org_user WHERE id = :id")
                .bind("id", userId)
                .map(row -> new Learner(
                        row.get("id", UUID.class), row.get("email", String.class), row.get("first_name", String.class)))
                .one()
                .block();
    }

    private long emailsOf(ClientOrg org, String status) {
        return db.sql("""
                SELECT COUNT(*) AS n
                FROM learner_email e
                JOIN org_user u ON u.id = e.user_id
                WHERE u.org_id = :orgId
                  AND e.status = :status
                """)
                .bind("orgId", org.id())
                .bind("status", status)
                .map(row -> Rows.count(row, "n"))
                .one()
                .block();
    }

    private static List<MimeMessage> messagesTo(Learner learner) {
        return Arrays.stream(smtpServer.getReceivedMessages())
                .filter(message -> learner.email().equalsIgnoreCase(recipient(message)))
                .toList();
    }

    private static List<String> subjectsTo(Learner learner) {
        return messagesTo(learner).stream().map(LearnerEmailsTests::subject).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (MessagingException | IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String token(MimeMessage message) {
        var link = LINK.matcher(body(message));
        assertThat(link.find()).as("a learner link in the body").isTrue();
        return link.group(1);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }

    record Learner(UUID id, String email, String firstName) {}
}
