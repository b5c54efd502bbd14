package se.region.governance.plans.api;

import se.region.governance.commons.security.Roles;

/** Who may do what with plans (design.md, "Security"); object-level rules: application PlanAccess. */
final class Access {
    static final String READER = Roles.READER;
    static final String REGISTRAR = Roles.REGISTRAR;
    static final String PLANNER = Roles.PLANNER;
    static final String REPORTER = Roles.REPORTER;
    static final String INTEGRATION = Roles.INTEGRATION;
    static final String ADMIN = Roles.ADMIN;

    private Access() {
    }
}
