package io.leavebot.ops;

/** Metrics a collector reads over HTTP ({@code /metrics}), rather than metrics written out as they happen. */
public interface ScrapedMetrics extends Metrics {
    /** The content type of {@link #scrape()}. */
    String contentType();

    /** Everything, as of now. */
    String scrape();
}
