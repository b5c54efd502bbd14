package se.region.governance.commons.security;

/**
 * The roles of the contract (design.md, "Security"), as they appear in the JWT {@code groups} claim.
 * Every endpoint names the roles it allows; endpoints without a rule are denied
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints=true}).
 */
public final class Roles {
    /** Reads everything. */
    public static final String READER = "reader";
    /** Writes governing documents. */
    public static final String REGISTRAR = "registrar";
    /** Writes plans and measures (measures only of the token's own unit). */
    public static final String PLANNER = "planner";
    /** Compiles and finalizes reports. */
    public static final String REPORTER = "reporter";
    /** Other regional systems: reads status and change feeds. */
    public static final String INTEGRATION = "integration";
    /** Everything. */
    public static final String ADMIN = "admin";

    /** Claim holding the user's organisational unit. */
    public static final String UNIT_CLAIM = "unit";

    private Roles() {
    }
}
