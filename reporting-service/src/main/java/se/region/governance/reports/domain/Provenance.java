package se.region.governance.reports.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Where an item of a report comes from: one applied event. */
public record Provenance(String eventId, String type, OffsetDateTime time, LocalDate effectiveDate) {
    public static Provenance of(LoggedEvent e) {
        return new Provenance(e.id(), e.type(), e.time(), e.effectiveDate());
    }
}
