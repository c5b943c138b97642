package io.leavebot.workspace;

import com.slack.api.SlackConfig;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.EngineClock;
import io.leavebot.http.WebServer;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.Person;
import io.leavebot.slack.SlackConnect;
import io.leavebot.slack.SlackSettings;
import io.leavebot.workflow.LeaveRequests;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Slack, played in the browser, for trying LeaveBot without a Slack account: a small Slack-like page where you act
 * as one of a few {@link People} (an employee, their approver, a colleague), backed by an in-process stand-in for
 * the Slack platform. The stand-in answers the Web API methods LeaveBot calls, with Slack's response shapes and
 * errors, and sends what people do to LeaveBot's request URL signed as Slack signs it, so LeaveBot runs the same
 * code as with real Slack: configure it with {@link #slack()} and {@link #routing}, then
 * <pre>{@code
 * try (Workspace workspace = Workspace.builder(dataDir).fastClock(true).start()) {
 *     // LeaveBot's clock, engine clock, Slack settings and routing from the workspace; then:
 *     workspace.serve(webBuilder, engine, leaves);  // the page at "/" and its JSON under /workspace/
 *     WebServer web = webBuilder.start();
 *     workspace.sendTo(web.uri().resolve("/slack/events"));
 * }
 * }</pre>
 */
public final class Workspace implements AutoCloseable {
    private final People people;
    private final Team team;
    private final FastClock fastClock;
    private final Clock clock;
    private final Conversations conversations;
    private final Surfaces surfaces;
    private final ResponseUrls responseUrls;
    private final SlackServer slackServer;
    private final UserGrants grants;
    private final Delivery delivery;
    private final Path outbox;
    private final boolean loopbackOnly;

    private Workspace(Builder b) {
        this.people = b.people;
        this.team = Team.generate(b.teamName, "http://127.0.0.1/");
        this.fastClock = b.fastClock ? new FastClock(Clock.systemUTC(), b.dataDir.resolve("fast-clock-skipped.txt")) : null;
        this.clock = fastClock == null ? Clock.systemUTC() : fastClock.clock();
        Clock slackTime = Clock.systemUTC();
        this.conversations = new Conversations(b.dataDir.resolve("workspace-messages.json"), clock, people);
        this.surfaces = new Surfaces(slackTime);
        this.responseUrls = new ResponseUrls(slackTime, conversations);
        this.grants = new UserGrants(people, slackTime);
        this.slackServer = new SlackServer(new WebApi(team, people, conversations, surfaces, grants), responseUrls);
        this.delivery = new Delivery(team.signingSecret(), slackTime, b.ackTimeout);
        this.outbox = b.outbox;
        this.loopbackOnly = b.loopbackOnly;
    }

    /** @param dataDir where the workspace keeps its messages (and the fast clock its skipped time) */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Who is in the workspace, how time runs, and what the page may show. */
    public static final class Builder {
        private final Path dataDir;
        private People people = People.defaults();
        private String teamName = "LeaveBot Local";
        private boolean fastClock;
        private Path outbox;
        private boolean loopbackOnly = true;
        private Duration ackTimeout = Delivery.ACK_TIMEOUT;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** Default: {@link People#defaults()}. */
        public Builder people(People value) {
            this.people = Objects.requireNonNull(value, "people");
            return this;
        }

        /** Whether LeaveBot runs on a {@link FastClock} the page can move forward; default no (the real time). */
        public Builder fastClock(boolean value) {
            this.fastClock = value;
            return this;
        }

        /** The outbox folder whose e-mail the page lists; default none (e-mail is not written to a folder). */
        public Builder outbox(Path folder) {
            this.outbox = folder;
            return this;
        }

        /**
         * Default true: the page's JSON answers only requests addressed to this machine's loopback names. False when
         * LeaveBot serves other machines on purpose.
         */
        public Builder loopbackOnly(boolean value) {
            this.loopbackOnly = value;
            return this;
        }

        /** How long Slack waits for LeaveBot's ack; default 3 seconds, as Slack. */
        public Builder ackTimeout(Duration value) {
            this.ackTimeout = Objects.requireNonNull(value, "ackTimeout");
            return this;
        }

        /** Reads the saved messages and takes a free loopback port for the Slack stand-in; see {@link #sendTo}. */
        public Workspace start() {
            return new Workspace(this);
        }
    }

    /** LeaveBot's time: the fast clock's when there is one, else the system's. */
    public Clock clock() {
        return clock;
    }

    /** The durable engine's time, the same as {@link #clock()}. */
    public EngineClock engineClock() {
        return fastClock == null ? EngineClock.system() : fastClock.engineClock();
    }

    /** Whether LeaveBot's time can be moved from the page. */
    public boolean hasFastClock() {
        return fastClock != null;
    }

    /** Slack as LeaveBot is configured for it: the workspace's bot token and signing secret, the Web API here. */
    public SlackSettings slack() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackServer.apiUrl().toString());
        return new SlackSettings(team.botToken(), team.signingSecret(), SlackSettings.sdk(config));
    }

    /**
     * The app's OAuth credentials for {@code /leave connect}, as Slack would show them, with the workspace's authorize
     * page: on LeaveBot's web server at {@code publicUrl}, as the redirect URL is.
     */
    public SlackConnect.Settings slackConnect(String publicUrl) {
        String base = publicUrl.replaceAll("/+$", "");
        return new SlackConnect.Settings(grants.clientId(), grants.clientSecret(), base + SlackConnect.CALLBACK_PATH,
                base + UserGrants.AUTHORIZE_PATH);
    }

    /** Who approves whom: as the people say, and {@code everyoneElse} for anyone who is not one of them. */
    public ApproverRouting routing(Person everyoneElse) {
        return people.routing(everyoneElse);
    }

    /**
     * Serves the page at {@code /} and its JSON under {@code /workspace/} on LeaveBot's web server; the executions
     * panel reads {@code engine}, and each execution's leave from {@code leaves}.
     */
    public void serve(WebServer.Builder web, EmbeddedEngine engine, LeaveRequests leaves) {
        var panels = new Panels(team.name(), new Outbox(outbox, people), new Executions(engine, leaves::get), clock, fastClock,
                engine::nextTimerDue, TeamCalendar.of(leaves));
        var interactions = new Interactions(people, conversations, surfaces, responseUrls, slackServer, delivery,
                Clock.systemUTC());
        new PageApi(people, conversations, surfaces, interactions, panels, grants, loopbackOnly).routes().forEach(web::mount);
        web.mount(UserGrants.AUTHORIZE_PATH, grants::authorize);
        StaticFiles.routes().forEach(web::mount);
    }

    /**
     * Where Slack's requests go: LeaveBot's request URL ({@code …/slack/events}), once its web server listens. The
     * Slack stand-in starts answering now.
     */
    public void sendTo(URI requestUrl) {
        delivery.sendTo(requestUrl);
        slackServer.start();
    }

    @Override
    public void close() {
        slackServer.close();
        if (fastClock != null) {
            fastClock.close();
        }
    }
}
