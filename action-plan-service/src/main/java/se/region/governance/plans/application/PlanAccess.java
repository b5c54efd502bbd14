package se.region.governance.plans.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.security.Caller;
import se.region.governance.commons.security.Roles;
import se.region.governance.plans.domain.Measure;
import se.region.governance.plans.domain.Plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Object-level rules of plans. An {@code admin} may change anything. A {@code planner} may change
 * what belongs to the unit in their token ({@code unit} claim, compared case-insensitively); every
 * other role writes nothing here (the resources' role rules refuse them first).
 *
 * <p>What belongs to a unit: a plan whose {@code ownerUnit} it is, and a measure whose
 * {@code responsibleUnit} it is. A measure's <em>place</em> is its parent measure, or its plan when
 * it is at the top level; the place's unit is the parent's {@code responsibleUnit}, or the plan's
 * {@code ownerUnit}. A parent's progress is the weighted roll-up of its children and the plan's overall
 * progress that of its top-level measures, so the membership and the weight of a measure are
 * figures of its place, not only of the measure. Hence:
 * <ol>
 * <li>Changing a measure's own fields (code, title, dates, documents, ...) needs the measure's unit;
 * handing it to another unit ({@code responsibleUnit}) needs the new unit too.</li>
 * <li>Putting a measure into a place (creating it there, or moving it there with {@code parentId})
 * needs the measure's unit and the place's unit.</li>
 * <li>Taking a measure out of a place (moving it elsewhere) needs the unit of the place it leaves
 * too: once placed, a child is part of its parent's figure until that parent's unit lets it go. The
 * place's unit may let a child of another unit go without that unit: moving it to the plan's top
 * level ({@code "parentId": null}) changes no figure of the child, only those of the place it leaves
 * and of the plan, which then needs the plan's unit as well.</li>
 * <li>Changing a measure's {@code weight} needs the unit of its place (and the measure's unit).</li>
 * <li>Progress updates need the measure's unit. They change the measure's own status and progress,
 * which roll up into the place the place's unit accepted it into by rule 2; that is what a
 * hierarchy is for.</li>
 * <li>Collaborations on a measure need the measure's unit; on a plan, the plan's unit. A plan's own
 * fields need the plan's unit; handing a plan to another unit needs that unit too.</li>
 * </ol>
 * Each refusal is {@code 403} problem+json of type {@code not-your-unit} naming the unit required.
 */
@ApplicationScoped
public class PlanAccess {

    @Inject
    Caller caller;

    /** Whether the caller may change what belongs to {@code unit}. */
    public boolean mayChange(String unit) {
        if (caller.isAdmin()) {
            return true;
        }
        String own = caller.unit();
        return caller.hasRole(Roles.PLANNER) && own != null && unit != null
                && own.trim().equalsIgnoreCase(unit.trim());
    }

    public void requireUnit(String unit, String what) {
        if (!mayChange(unit)) {
            throw refused(unit, "A planner changes only " + what + " of their own unit");
        }
    }

    /** Rules 2 to 4: the unit of a place (the parent measure, or the plan at the top level). */
    public void requirePlace(Measure parent, Plan plan, String action) {
        String unit = placeUnit(parent, plan);
        if (!mayChange(unit)) {
            String place = parent == null ? "the top level of plan " + plan.id
                    : "measure " + parent.code + " (" + parent.id + ")";
            throw refused(unit, "To " + action + " " + place + ", whose progress it changes, a planner needs its unit");
        }
    }

    public static String placeUnit(Measure parent, Plan plan) {
        return parent == null ? plan.ownerUnit : parent.responsibleUnit;
    }

    private DomainException refused(String unit, String why) {
        String own = caller.unit();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("requiredUnit", unit == null ? "" : unit);
        props.put("yourUnit", own == null ? "" : own);
        return new DomainException(DomainException.Kind.FORBIDDEN, "not-your-unit", "Forbidden",
                why + " (yours: " + (own == null ? "none in the token" : own) + "); this one belongs to " + unit,
                props);
    }

    public Actor actor() {
        return Actor.of(caller);
    }
}
