package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static se.region.governance.reports.domain.EventTypes.*;

/**
 * The register and one plan as they stood on a date, rebuilt from the event log: the events whose
 * effective date is on or before {@code asOf}, applied in effective-date order, ties in log order.
 * Pure: fed with events, no I/O, so it is tested with event JSON alone.
 */
public final class AsOfState {

    public final LocalDate asOf;
    public final String planId;
    public JsonNode plan;
    public final List<Provenance> planProvenance = new ArrayList<>();
    public final Map<String, DocumentState> documents = new LinkedHashMap<>();
    public final Map<String, MeasureState> measures = new LinkedHashMap<>();
    /** Collaborations held for the whole plan (no measure). */
    public final List<Dated> planCollaborations = new ArrayList<>();

    private AsOfState(String planId, LocalDate asOf) {
        this.planId = planId;
        this.asOf = asOf;
    }

    /** Rebuilds the state of {@code planId} and of the register as of {@code asOf} from any events (other plans' are ignored). */
    public static AsOfState rebuild(String planId, LocalDate asOf, List<LoggedEvent> events) {
        AsOfState state = new AsOfState(planId, asOf);
        events.stream()
                .filter(e -> !e.effectiveDate().isAfter(asOf))
                .sorted(ORDER)
                .forEach(state::apply);
        return state;
    }

    /** The order a rebuild applies events in: effective date, ties in log order. */
    public static final Comparator<LoggedEvent> ORDER = Comparator.comparing(LoggedEvent::effectiveDate).thenComparingLong(LoggedEvent::seq);

    /**
     * An empty state of {@code planId} and the register as of {@code asOf}, to be fed with {@link #applyNext} one event
     * at a time, so that a large log is never held parsed all at once.
     */
    public static AsOfState empty(String planId, LocalDate asOf) {
        return new AsOfState(planId, asOf);
    }

    /** The place in {@link #ORDER} of the last event fed. */
    private LocalDate lastDate;
    private long lastSeq;

    /** The next event of a rebuild fed one at a time, in {@link #ORDER}: later than the state's date is ignored, out of order refused. */
    public void applyNext(LoggedEvent e) {
        if (e.effectiveDate().isAfter(asOf)) {
            return;
        }
        int order = lastDate == null ? 1 : e.effectiveDate().compareTo(lastDate);
        if (order < 0 || order == 0 && e.seq() <= lastSeq) {
            throw new IllegalStateException("event " + e.id() + " (" + e.effectiveDate() + ", " + e.seq() + ") out of order after ("
                    + lastDate + ", " + lastSeq + ")");
        }
        lastDate = e.effectiveDate();
        lastSeq = e.seq();
        apply(e);
    }

    /** An event-carried object (update, collaboration, consultation, adoption) with its business date and origin. */
    public record Dated(LocalDate date, JsonNode view, Provenance provenance) {
    }

    public static final class DocumentState {
        public JsonNode view;
        public String status;
        public final List<Dated> adoptions = new ArrayList<>();
        public final Map<String, Dated> consultations = new LinkedHashMap<>();
        public final List<Dated> responses = new ArrayList<>();
        public Dated reviewStarted;
        public Dated ended; // repealed or replaced
        public final List<Provenance> provenance = new ArrayList<>();
    }

    public static final class MeasureState {
        public JsonNode view;
        public String status;
        public int progress;
        public final List<Dated> updates = new ArrayList<>();
        public final List<Dated> collaborations = new ArrayList<>();
        public final List<Provenance> provenance = new ArrayList<>();
        /** The events of the measure itself (created, updated, status changed), not its updates and collaborations. */
        public final List<Provenance> measureEvents = new ArrayList<>();

        public Dated latestUpdate() {
            return updates.isEmpty() ? null : updates.get(updates.size() - 1);
        }
    }

    void apply(LoggedEvent e) {
        JsonNode d = e.data();
        if (DOCUMENTS_TOPIC.equals(e.topic())) {
            applyDocument(e, d);
        } else if (PLANS_TOPIC.equals(e.topic()) && planId.equals(text(d.path("planId"), e.subject()))) {
            applyPlan(e, d);
        }
    }

    private void applyDocument(LoggedEvent e, JsonNode d) {
        JsonNode view = d.path("document");
        String id = text(view.path("id"), e.subject());
        if (id == null) {
            return;
        }
        DocumentState doc = documents.computeIfAbsent(id, k -> new DocumentState());
        if (view.isObject()) {
            doc.view = view;
            doc.status = text(view.path("status"), doc.status);
        }
        Provenance p = Provenance.of(e);
        doc.provenance.add(p);
        switch (e.type()) {
            case ADOPTED -> doc.adoptions.add(new Dated(e.effectiveDate(), d.path("version"), p));
            case CONSULTATION_OPENED, CONSULTATION_CLOSED -> {
                JsonNode c = d.path("consultation");
                doc.consultations.put(text(c.path("id"), e.id()), new Dated(e.effectiveDate(), c, p));
            }
            case CONSULTATION_RESPONSE -> doc.responses.add(new Dated(e.effectiveDate(), d.path("response"), p));
            case REVIEW_STARTED -> doc.reviewStarted = new Dated(e.effectiveDate(), d, p);
            case REPEALED, REPLACED -> doc.ended = new Dated(e.effectiveDate(), d, p);
            default -> {
            }
        }
    }

    private void applyPlan(LoggedEvent e, JsonNode d) {
        Provenance p = Provenance.of(e);
        if (d.path("plan").isObject()) {
            plan = d.path("plan");
            planProvenance.add(p);
        }
        String measureId = text(d.path("measureId"), null);
        if (measureId == null) {
            if (COLLABORATION_RECORDED.equals(e.type())) {
                planCollaborations.add(new Dated(e.effectiveDate(), d.path("collaboration"), p));
            }
            return;
        }
        MeasureState m = measures.computeIfAbsent(measureId, k -> new MeasureState());
        m.provenance.add(p);
        JsonNode view = d.path("measure");
        switch (e.type()) {
            case PROGRESS_REPORTED -> {
                // The event's measure view is the state at commit time; the update itself says what held on its date.
                JsonNode update = d.path("update");
                if (view.isObject()) {
                    m.view = view;
                }
                m.status = text(update.path("status"), m.status == null ? text(view.path("status"), null) : m.status);
                m.progress = update.path("progress").isNumber() ? update.path("progress").asInt() : m.progress;
                m.updates.add(new Dated(e.effectiveDate(), update, p));
            }
            case COLLABORATION_RECORDED -> m.collaborations.add(new Dated(e.effectiveDate(), d.path("collaboration"), p));
            default -> {
                m.measureEvents.add(p);
                if (view.isObject()) {
                    m.view = view;
                    m.status = text(view.path("status"), m.status);
                    m.progress = view.path("progress").isNumber() ? view.path("progress").asInt() : m.progress;
                }
            }
        }
    }

    /** Measures that exist (have a view) in plan order: by code, numerically where possible. */
    public List<Map.Entry<String, MeasureState>> orderedMeasures() {
        record Keyed(String key, Map.Entry<String, MeasureState> entry) {
        }
        return measures.entrySet().stream().filter(en -> en.getValue().view != null)
                .map(en -> new Keyed(codeKey(en.getValue().view.path("code").asText("")), en))
                .sorted(Comparator.comparing(Keyed::key)).map(Keyed::entry).toList();
    }

    /** "2.10" after "2.9": each dot-separated number zero-padded. */
    static String codeKey(String code) {
        if (code.isEmpty()) {
            return ".";
        }
        int length = code.length();
        while (length > 0 && code.charAt(length - 1) == '.') {
            length--; // like split: trailing empty parts do not count
        }
        StringBuilder b = new StringBuilder(length + 24);
        int start = 0;
        while (start < length) {
            int dot = code.indexOf('.', start);
            int end = dot < 0 || dot > length ? length : dot;
            if (end > start && end - start <= 9 && digits(code, start, end)) {
                b.append("000000000", 0, 9 - (end - start));
            }
            b.append(code, start, end).append('.');
            start = end + 1;
        }
        return b.toString();
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static String text(JsonNode node, String fallback) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isEmpty() ? node.asText() : fallback;
    }
}
