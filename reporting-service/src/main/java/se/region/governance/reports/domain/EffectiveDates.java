package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import static se.region.governance.reports.domain.EventTypes.*;

/**
 * The business date on which an event took effect. A CloudEvent's {@code time} is when the producer
 * committed it, and content is often registered after the fact (the seed of 2022–2023 is loaded
 * today), so "the state as of D" cannot use it. The rule, per type:
 * <ul>
 *   <li>progress reported: the update's {@code date}; collaboration recorded: its {@code date};</li>
 *   <li>document adopted: the decision date (version's, else document's), else the version's validFrom;
 *       repealed: the repeal decision's date; consultation response: its {@code receivedOn};</li>
 *   <li>consultation opened: three months (a usual remiss time) before its deadline, unless the event
 *       itself is earlier; consultation closed: its deadline if the event is later than that;</li>
 *   <li>document created: its decision date if it already carries one, else its {@code draftingSince}
 *       (the day work on it began) if earlier than the event: a plan registered today that was being
 *       drafted in 2023 is a DRAFT from then; review started: its {@code startedOn} (the day the review
 *       was decided or began) if earlier than the event;</li>
 *   <li>plan created: the plan's decision date, else its periodFrom; measure created: the earlier of its
 *       startDate and the plan's decision date (a measure of a decided plan exists from the decision);</li>
 *   <li>everything else (edits, replaced, status changes, alerts), and a review or draft without such a date:
 *       the date of the event time in the region's time zone.</li>
 * </ul>
 * Then, when events are logged, an aggregate's creation is moved back to its earliest dated event
 * (see the event log): nothing can be adopted or updated before it exists. The state as of D applies
 * the logged events whose effective date is on or before D, in effective-date order, ties in log order.
 */
public final class EffectiveDates {

    static final int USUAL_CONSULTATION_MONTHS = 3;

    private EffectiveDates() {
    }

    /**
     * @param zone             the region's time zone, in which the event's time falls on a date
     * @param planDecisionDate the decision date of the event's plan as far as this service knows it, or null
     */
    public static LocalDate of(String type, JsonNode data, OffsetDateTime time, ZoneId zone, LocalDate planDecisionDate) {
        LocalDate eventDate = time.atZoneSameInstant(zone).toLocalDate();
        LocalDate business = switch (type) {
            case PROGRESS_REPORTED -> date(data.path("update").path("date"));
            case COLLABORATION_RECORDED -> date(data.path("collaboration").path("date"));
            case ADOPTED -> first(date(data.path("version").path("decision").path("date")),
                    date(data.path("document").path("decision").path("date")),
                    date(data.path("version").path("validFrom")));
            case REPEALED -> date(data.path("decision").path("date"));
            case CONSULTATION_RESPONSE -> date(data.path("response").path("receivedOn"));
            case CONSULTATION_OPENED -> {
                LocalDate deadline = date(data.path("consultation").path("deadline"));
                yield deadline == null ? null : earliest(eventDate, deadline.minusMonths(USUAL_CONSULTATION_MONTHS));
            }
            case CONSULTATION_CLOSED -> earliest(eventDate, date(data.path("consultation").path("deadline")));
            case DOCUMENT_CREATED -> first(date(data.path("document").path("decision").path("date")),
                    earliest(eventDate, date(data.path("document").path("draftingSince"))));
            case REVIEW_STARTED -> earliest(eventDate, date(data.path("startedOn")));
            case PLAN_CREATED -> first(date(data.path("plan").path("decision").path("date")),
                    date(data.path("plan").path("periodFrom")));
            case MEASURE_CREATED -> earliest(date(data.path("measure").path("startDate")), planDecisionDate);
            default -> null;
        };
        return business == null ? eventDate : business;
    }

    /** A {@code YYYY-MM-DD} (or ISO date-time) JSON value as a date; null when absent or unreadable. */
    public static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate first(LocalDate... dates) {
        for (LocalDate d : dates) {
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
