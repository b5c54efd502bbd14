package se.region.governance.plans.domain;

import se.region.governance.commons.problem.DomainException;

import java.util.Collection;
import java.util.Map;

/** A status change the current status does not allow: names the current status and the allowed next ones. */
public class InvalidTransition extends DomainException {

    public InvalidTransition(String what, Enum<?> current, Enum<?> wanted, Collection<? extends Enum<?>> allowed) {
        super(Kind.CONFLICT, "invalid-transition", "Invalid status transition",
                "A " + what + " in status " + current + " cannot become " + wanted
                        + (allowed.isEmpty() ? " (no further transitions)" : "; allowed: " + allowed),
                Map.of("currentStatus", current.name(), "requestedStatus", wanted.name(),
                        "allowed", allowed.stream().map(Enum::name).sorted().toList()));
    }

    public static InvalidTransition of(MeasureStatus current, MeasureStatus wanted) {
        return new InvalidTransition("measure", current, wanted, current.allowedNext());
    }

    public static InvalidTransition of(PlanStatus current, PlanStatus wanted) {
        return new InvalidTransition("plan", current, wanted, current.allowedNext());
    }
}
