package se.region.governance.plans.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.security.Caller;
import se.region.governance.commons.security.Roles;

import java.util.Map;

/**
 * Object-level rules (design.md, "Security"): an admin changes anything; a planner changes only
 * measures whose responsible unit is the token's unit (and plans that unit owns).
 */
@ApplicationScoped
public class PlanAccess {

    @Inject
    Caller caller;

    public void requireUnit(String unit, String what) {
        if (caller.isAdmin()) {
            return;
        }
        String own = caller.unit();
        if (caller.hasRole(Roles.PLANNER) && own != null && unit != null && own.trim().equalsIgnoreCase(unit.trim())) {
            return;
        }
        throw new DomainException(DomainException.Kind.FORBIDDEN, "not-your-unit", "Forbidden",
                "A planner changes only " + what + " of their own unit (" + (own == null ? "none in the token" : own)
                        + "); this one belongs to " + unit,
                Map.of("requiredUnit", unit == null ? "" : unit, "yourUnit", own == null ? "" : own));
    }

    public Actor actor() {
        return Actor.of(caller);
    }
}
