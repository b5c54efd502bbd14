package se.region.governance.reports.domain;

/** SKR's seven principles of trust-based governance (domain.md), named in Swedish by {@link SwedishTerms#principle}. */
public enum Principle {
    TRUST, CITIZEN_FOCUS, HOLISTIC_VIEW, DISCRETION, SUPPORT, KNOWLEDGE, OPENNESS;

    public static Principle parse(String code) {
        try {
            return code == null ? null : valueOf(code);
        } catch (IllegalArgumentException e) {
            return null; // a code this service does not know yet: ignored, never fatal
        }
    }
}
