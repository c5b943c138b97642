package io.leavebot.aws;

import io.leavebot.balance.BalancePolicies;
import io.leavebot.chat.ExportCommands;
import io.leavebot.exports.CalendarFeeds;
import io.leavebot.exports.ReportLinks;
import io.leavebot.balance.Balances;
import io.leavebot.balance.Holidays;
import io.leavebot.balance.WorkingCalendar;
import io.leavebot.durable.lambda.LambdaDurableClient;
import io.leavebot.store.DynamoDbLeaveStore;
import io.leavebot.store.Store;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.workflow.AwayPeriods;
import io.leavebot.workflow.LeaveRequests;
import java.time.Clock;

/** What the AWS front ends (the web pages and API, Slack) share: {@link LeaveRequests} over DynamoDB and Lambda. */
final class FrontEnds {
    /** One per process (each function is one): it keeps every country's calendar it loaded. */
    private static final Holidays HOLIDAYS = new Holidays();

    private FrontEnds() {
    }

    /** Balances of the settings' policy on {@code store}'s ledger, "today" in the deployment's zone. */
    static Balances balances(AwsSettings settings, Store store, LeavePolicy policy, Clock clock) {
        BalancePolicies policies = settings.balancePolicies(policy.types());
        Clock today = clock.getZone().equals(settings.zone()) ? clock : clock.withZone(settings.zone());
        return new Balances(policies, HOLIDAYS, store, store::listByEmployee, today);
    }

    /** The company's working days under the settings' policy: the mornings the who's-out digest is posted on. */
    static WorkingCalendar companyCalendar(AwsSettings settings) {
        return settings.balancePolicies(settings.policy().types()).companyCalendar(HOLIDAYS);
    }

    /**
     * Validates and routes with the settings' policy and approvers, reads requests from the leave table, and starts
     * and answers executions of the deployed workflow function; {@code store} is the function's one leave table
     * (Slack keeps its user ids there too).
     */
    static LeaveRequests leaveRequests(AwsSettings settings, AwsClients aws, Store store, Clock clock) {
        LeavePolicy policy = settings.policy();
        var lambda = new LambdaDurableClient(aws.lambda(), settings.workflowFunction());
        ApproverRouting routing = settings.routing();
        // every request comes through a front end, so its approvers' Slack ids are saved before the workflow asks them
        store.saveAll(ApproverRouting.SLACK, routing.slackIds(), clock.instant());
        return new LeaveRequests(store, lambda, settings.workflowFunction(), new LeaveValidator(policy), routing, store,
                balances(settings, store, policy, clock), settings.admins(), clock);
    }

    /**
     * The calendar and report commands of chat: feed links and admins' report links to the API function's URL
     * ({@link AwsSettings#linkBase}), tokens kept in {@code store}; without that URL, commands that say they are not
     * set up.
     */
    static ExportCommands exports(AwsSettings settings, Secrets secrets, Store store, LeaveRequests leaves, Clock clock) {
        Clock today = inZone(settings, clock);
        return settings.linkBase().map(base -> new ExportCommands(new CalendarFeeds(store, store, leaves.roles(), today, base),
                        new ReportLinks(secrets.decisionLinks(base + AwsSettings.DECIDE_PATH), base, clock), leaves.roles(),
                        "leave", today))
                .orElseGet(() -> ExportCommands.none("leave", today));
    }

    /** {@code clock} in the deployment's zone, where "today" is (a clock in it already is kept). */
    static Clock inZone(AwsSettings settings, Clock clock) {
        return clock.getZone().equals(settings.zone()) ? clock : clock.withZone(settings.zone());
    }

    /** The leave table of the settings. */
    static Store store(AwsSettings settings, AwsClients aws) {
        return new DynamoDbLeaveStore(aws.dynamoDb(), settings.leavesTable());
    }

    /**
     * Approvers' away periods and stand-ins in the leave table. After a change, the requests waiting on the
     * approver ask whoever decides for them now ({@link LeaveRequests#reassign}).
     */
    static AwayPeriods awayPeriods(AwsSettings settings, Store store, LeaveRequests leaves, Clock clock) {
        return standIns(settings, store, leaves::reassign, clock);
    }

    /** Away periods read for the workflow, which asks stand-ins; {@code onChange} hears of every change made through them. */
    static AwayPeriods standIns(AwsSettings settings, Store store, java.util.function.Consumer<io.leavebot.leave.Person> onChange, Clock clock) {
        // on the function's one store, so on its one DynamoDB client and its connections
        // "today" is the deployment's; the Slack and Teams functions' clocks are in its zone already
        Clock today = clock.getZone().equals(settings.zone()) ? clock : clock.withZone(settings.zone());
        return new AwayPeriods(store, store, today, onChange);
    }
}
