package se.region.governance.plans.infrastructure;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.commons.time.RegionTime;
import se.region.governance.plans.application.ReminderService;

import java.time.LocalDate;
import java.util.UUID;

/** Runs the reminders on a schedule (actionplan.reminders.every); tests call {@link #run()} themselves. */
@ApplicationScoped
public class ReminderJob {

    @Inject
    ReminderService reminders;
    @Inject
    RegionTime region;

    @Scheduled(identity = "action-plan-reminders", every = "${actionplan.reminders.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Sends every reminder due today (by the service's clock); returns how many went out. */
    public int run() {
        LocalDate today = region.today();
        int sent = 0;
        for (UUID planId : reminders.plansWithOpenMeasures()) {
            try {
                sent += reminders.remindPlan(planId, today);
            } catch (RuntimeException e) {
                Log.errorf(e, "reminders for plan %s failed; the next run tries again", planId);
            }
        }
        if (sent > 0) {
            Log.infof("sent %d reminder(s) as of %s", sent, today);
        }
        return sent;
    }
}
