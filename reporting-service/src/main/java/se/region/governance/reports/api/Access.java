package se.region.governance.reports.api;

import se.region.governance.commons.security.Roles;

/** Who may do what with reports (design.md, "Security"): reporters and admins write; reading is wider. */
final class Access {
    static final String READER = Roles.READER;
    static final String REPORTER = Roles.REPORTER;
    static final String INTEGRATION = Roles.INTEGRATION;
    static final String ADMIN = Roles.ADMIN;

    private Access() {
    }
}
