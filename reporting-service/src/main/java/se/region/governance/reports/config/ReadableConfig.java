package se.region.governance.reports.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much of a report the readable formats list entry by entry ({@code governance.reports.readable.*}; the environment
 * may override, e.g. GOVERNANCE_REPORTS_READABLE_LIST_LIMIT). See the rendering package's ReadableLimits.
 */
@ConfigMapping(prefix = "governance.reports.readable")
public interface ReadableConfig {

    /** Entries listed per list. */
    @WithDefault("25")
    int listLimit();

    /** A measure's latest updates (and collaborations) of the period listed. */
    @WithDefault("5")
    int updatesPerMeasure();
}
