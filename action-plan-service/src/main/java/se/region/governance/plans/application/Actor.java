package se.region.governance.plans.application;

import se.region.governance.commons.security.Caller;

/** Who made a change (audit): the token's subject and name, or the service itself for scheduled work. */
public record Actor(String sub, String name) {

    public static final Actor SCHEDULER = new Actor("action-plan-service", "Påminnelser (schemalagt jobb)");

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.name());
    }
}
