package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An event as the service applied it: its envelope, its business (effective) date and its place in the log. */
public record LoggedEvent(long seq, String id, String topic, String type, String subject, OffsetDateTime time,
                          LocalDate effectiveDate, JsonNode data) {
}
