package se.region.governance.plans.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** actionplan.reminders.*: when the reminder job speaks up. */
@ConfigMapping(prefix = "actionplan.reminders")
public interface RemindersConfig {

    /** An open measure without an update for this long is reminded of (update-overdue). */
    @WithDefault("P90D")
    Period updateOverdueAfter();

    /** An open measure due within this window is reminded of (due-soon). */
    @WithDefault("P30D")
    Period dueSoonWithin();

    /** How often the job runs (a Quarkus scheduler interval such as 1h; "off" disables it). */
    @WithDefault("1h")
    String every();
}
