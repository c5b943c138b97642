package io.leavebot.infra;

import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * CloudWatch alarms that go off on the first occurrence of something that should never happen or on a bound
 * passed, and the SNS topic they notify (and e-mail, when an address is given; SNS asks that address to confirm first).
 */
final class Alarms extends Construct {
    private final SnsAction notify;
    private final Topic topic;

    /** @param email who hears of alarms, or null to subscribe to {@link #topicArn()} some other way */
    Alarms(Construct scope, String id, String email) {
        super(scope, id);
        this.topic = Topic.Builder.create(this, "Topic").displayName("LeaveBot alarms").build();
        if (email != null) {
            topic.addSubscription(new EmailSubscription(email));
        }
        this.notify = new SnsAction(topic);
    }

    /** An alarm when {@code metric} (a count) is 1 or more in one period; no data means nothing happened. */
    void onAny(String id, Metric metric, String description) {
        Alarm alarm = metric.createAlarm(this, id, CreateAlarmOptions.builder()
                .alarmDescription(description)
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
        alarm.addAlarmAction(notify);
    }

    /** An alarm when {@code metric} is over {@code threshold} in one period; no data means nothing was measured. */
    void above(String id, Metric metric, double threshold, String description) {
        Alarm alarm = metric.createAlarm(this, id, CreateAlarmOptions.builder()
                .alarmDescription(description)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
        alarm.addAlarmAction(notify);
    }

    String topicArn() {
        return topic.getTopicArn();
    }
}
