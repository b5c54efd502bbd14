package se.region.governance.reports.domain;

/** SKR's seven principles of trust-based governance (domain.md), with their Swedish names. */
public enum Principle {
    TRUST("tillit"),
    CITIZEN_FOCUS("medborgarfokus"),
    HOLISTIC_VIEW("helhetssyn"),
    DISCRETION("handlingsutrymme"),
    SUPPORT("stöd"),
    KNOWLEDGE("kunskap"),
    OPENNESS("öppenhet");

    public final String swedish;

    Principle(String swedish) {
        this.swedish = swedish;
    }

    public static Principle parse(String code) {
        try {
            return code == null ? null : valueOf(code);
        } catch (IllegalArgumentException e) {
            return null; // a code this service does not know yet: ignored, never fatal
        }
    }
}
