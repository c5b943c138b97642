package io.leavebot.store;

import java.time.Duration;

/**
 * What a leave store ({@link SqliteLeaveStore}, {@code DynamoDbLeaveStore}) tells about its own work, for the metrics;
 * called on the writer's thread, so be quick.
 */
public interface StoreObserver {
    /** Nobody listens. */
    StoreObserver NONE = new StoreObserver() {
        @Override
        public void committed(Duration took) {
        }

        @Override
        public void decisionRecorded(Duration sinceAnswer) {
        }
    };

    /** One write transaction ran and committed, {@code BEGIN IMMEDIATE} to {@code COMMIT}. */
    void committed(Duration took);

    /** A person's decision was recorded, {@code sinceAnswer} after the answer arrived. */
    void decisionRecorded(Duration sinceAnswer);
}
