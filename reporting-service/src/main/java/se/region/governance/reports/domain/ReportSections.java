package se.region.governance.reports.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import org.hibernate.annotations.Immutable;

import java.time.LocalDate;
import java.util.List;

/**
 * The six sections of a follow-up report, in the shape of the region's report of August 2023 (docs/domain.md): background,
 * governing documents, measures, concrete examples, next steps, principles. In JSON a list of
 * {@code {key, title, body, items}} (docs/api.md); each section's items are typed, and an item that can be of several
 * kinds says which in {@code kind}. Every item names the events it was built from ({@link Provenance}).
 * Immutable: a recompile makes new sections.
 */
@Immutable
public record ReportSections(Background background, Documents documents, Measures measures, Examples examples,
                             NextSteps nextSteps, Principles principles) {

    @JsonValue
    public List<Section> asList() {
        return List.of(background, documents, measures, examples, nextSteps, principles);
    }

    /**
     * The same sections without any person's name: of every item record, only a progress update names a person (its
     * {@code author}); collaborations, documents and provenance name units, parties and events, never their recorder.
     * A new item field naming a person belongs here too.
     */
    public ReportSections withoutPersonNames() {
        return new ReportSections(background, documents, measures.withoutPersonNames(), examples, nextSteps, principles);
    }

    /** From the list, whatever its order; a section that a report of an older shape lacks is empty. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ReportSections of(List<Section> sections) {
        return new ReportSections(
                find(sections, Background.class, new Background(null, "", "", List.of())),
                find(sections, Documents.class, new Documents(null, "", "", List.of())),
                find(sections, Measures.class, new Measures(null, "", "", List.of())),
                find(sections, Examples.class, new Examples(null, "", "", List.of())),
                find(sections, NextSteps.class, new NextSteps(null, "", "", List.of())),
                find(sections, Principles.class, new Principles(null, "", "", List.of())));
    }

    private static <S extends Section> S find(List<Section> sections, Class<S> type, S empty) {
        return sections.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(empty);
    }

    /** One section: a stable key (the contract's), a Swedish title, a text body and its items. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "key", visible = true)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Background.class, name = Background.KEY),
            @JsonSubTypes.Type(value = Documents.class, name = Documents.KEY),
            @JsonSubTypes.Type(value = Measures.class, name = Measures.KEY),
            @JsonSubTypes.Type(value = Examples.class, name = Examples.KEY),
            @JsonSubTypes.Type(value = NextSteps.class, name = NextSteps.KEY),
            @JsonSubTypes.Type(value = Principles.class, name = Principles.KEY)})
    public sealed interface Section permits Background, Documents, Measures, Examples, NextSteps, Principles {
        String key();

        String title();

        String body();

        List<?> items();
    }

    // ---- the sections ----

    /** "Bakgrund": the plan's decision, the seven principles, the measures' titles. */
    public record Background(String key, String title, String body, List<BackgroundItem> items) implements Section {
        public static final String KEY = "background";

        public Background {
            key = KEY;
        }

        /** The unit that owns the plan (it signs the report), or null. */
        public String ownerUnit() {
            return items.stream().filter(PlanDecision.class::isInstance).map(i -> ((PlanDecision) i).ownerUnit())
                    .filter(u -> u != null).findFirst().orElse(null);
        }
    }

    /** "Översyn av styrdokument": documents adopted, in consultation, under review, being drafted, or ended in the period. */
    public record Documents(String key, String title, String body, List<DocumentItem> items) implements Section {
        public static final String KEY = "documents";

        public Documents {
            key = KEY;
        }
    }

    /** "Åtgärder och uppföljning": each measure with its updates and collaborations of the period; then the plan's own collaborations. */
    public record Measures(String key, String title, String body, List<MeasuresItem> items) implements Section {
        public static final String KEY = "measures";

        public Measures {
            key = KEY;
        }

        Measures withoutPersonNames() {
            return new Measures(key, title, body, items.stream()
                    .map(i -> i instanceof MeasureItem m ? (MeasuresItem) m.withoutPersonNames() : i).toList());
        }

        public List<MeasureItem> measures() {
            return items.stream().filter(MeasureItem.class::isInstance).map(MeasureItem.class::cast).toList();
        }

        public List<PlanCollaboration> planCollaborations() {
            return items.stream().filter(PlanCollaboration.class::isInstance).map(PlanCollaboration.class::cast).toList();
        }
    }

    /** "Konkreta exempel …": the updates of the period marked as examples. */
    public record Examples(String key, String title, String body, List<ExampleItem> items) implements Section {
        public static final String KEY = "examples";

        public Examples {
            key = KEY;
        }
    }

    /** "Vad händer härnäst?": open measures, then coming reviews and consultation deadlines by date. */
    public record NextSteps(String key, String title, String body, List<NextStepItem> items) implements Section {
        public static final String KEY = "next-steps";

        public NextSteps {
            key = KEY;
        }

        public List<OpenMeasure> openMeasures() {
            return items.stream().filter(OpenMeasure.class::isInstance).map(OpenMeasure.class::cast).toList();
        }

        public List<Coming> coming() {
            return items.stream().filter(Coming.class::isInstance).map(Coming.class::cast).toList();
        }
    }

    /** "Principerna i styrdokument och åtgärder": per principle, the documents and measures that express it. */
    public record Principles(String key, String title, String body, List<PrincipleItem> items) implements Section {
        public static final String KEY = "principles";

        public Principles {
            key = KEY;
        }
    }

    // ---- the items ----

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind", visible = true)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = PlanDecision.class, name = PlanDecision.KIND),
            @JsonSubTypes.Type(value = PrincipleName.class, name = PrincipleName.KIND),
            @JsonSubTypes.Type(value = MeasureTitle.class, name = MeasureTitle.KIND)})
    public sealed interface BackgroundItem permits PlanDecision, PrincipleName, MeasureTitle {
    }

    public record PlanDecision(String kind, String planTitle, String decisionReference, String ownerUnit,
                               List<Provenance> provenance) implements BackgroundItem {
        public static final String KIND = "decision";

        public PlanDecision {
            kind = KIND;
        }
    }

    public record PrincipleName(String kind, String principle, String name) implements BackgroundItem {
        public static final String KIND = "principle";

        public PrincipleName {
            kind = KIND;
        }
    }

    public record MeasureTitle(String kind, String measureId, String code, String title, List<Provenance> provenance)
            implements BackgroundItem {
        public static final String KIND = "measure";

        public MeasureTitle {
            kind = KIND;
        }
    }

    /**
     * A document of the documents section. {@code consultationDeadline} and {@code recipients} only for one in
     * consultation.
     */
    public record DocumentItem(String documentId, String diaryNumber, String title, String type, String status,
                               String statusLabel, String category, String categoryLabel, String decisionReference,
                               String ownerUnit, String fileUrl, String reviewDue,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String consultationDeadline,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<String> recipients,
                               List<String> principles, List<Provenance> provenance) {
    }

    /** An item of the measures section: a measure (no {@code kind}) or a collaboration of the whole plan. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind", visible = true,
            defaultImpl = MeasureItem.class)
    @JsonSubTypes({@JsonSubTypes.Type(value = PlanCollaboration.class, name = PlanCollaboration.KIND)})
    public sealed interface MeasuresItem permits MeasureItem, PlanCollaboration {
    }

    public record MeasureItem(String measureId, String code, String title, String status, String statusLabel, int progress,
                              String responsibleUnit, String startDate, String dueDate, List<UpdateEntry> updates,
                              List<CollaborationEntry> collaborations, List<String> documentIds,
                              List<Provenance> provenance) implements MeasuresItem {
        MeasureItem withoutPersonNames() {
            return new MeasureItem(measureId, code, title, status, statusLabel, progress, responsibleUnit, startDate, dueDate,
                    updates.stream().map(UpdateEntry::withoutAuthor).toList(), collaborations, documentIds, provenance);
        }
    }

    /** A progress update of the period, as reported. */
    public record UpdateEntry(LocalDate date, String status, Integer progress, String author, String text, String obstacles,
                              String nextSteps, Boolean example, List<Provenance> provenance) {
        UpdateEntry withoutAuthor() {
            return new UpdateEntry(date, status, progress, null, text, obstacles, nextSteps, example, provenance);
        }
    }

    /** A collaboration (samverkan) of a measure, of the period. */
    public record CollaborationEntry(LocalDate date, String measureId, List<String> parties, String form, String outcome,
                                     List<Provenance> provenance) {
    }

    /** A collaboration of the period held for the whole plan. */
    public record PlanCollaboration(String kind, LocalDate date, String measureId, List<String> parties, String form,
                                    String outcome, List<Provenance> provenance) implements MeasuresItem {
        public static final String KIND = "collaboration";

        public PlanCollaboration {
            kind = KIND;
        }

        public CollaborationEntry entry() {
            return new CollaborationEntry(date, measureId, parties, form, outcome, provenance);
        }
    }

    public record ExampleItem(String measureId, String code, String measureTitle, LocalDate date, String text,
                              List<Provenance> provenance) {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind", visible = true)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = OpenMeasure.class, name = OpenMeasure.KIND),
            @JsonSubTypes.Type(value = Coming.class, names = {Coming.REVIEW, Coming.CONSULTATION_DEADLINE})})
    public sealed interface NextStepItem permits OpenMeasure, Coming {
    }

    /** A measure not done or cancelled as of the report's date, with the next steps its latest update names. */
    public record OpenMeasure(String kind, String measureId, String code, String title, String status, String statusLabel,
                              int progress, String dueDate, boolean overdue, String nextSteps,
                              List<Provenance> provenance) implements NextStepItem {
        public static final String KIND = "open-measure";

        public OpenMeasure {
            kind = KIND;
        }
    }

    /** A coming (or overdue) review of a document, or the deadline of an open consultation. */
    public record Coming(String kind, String documentId, String diaryNumber, String title, LocalDate date,
                         List<Provenance> provenance) implements NextStepItem {
        public static final String REVIEW = "review";
        public static final String CONSULTATION_DEADLINE = "consultation-deadline";

        public boolean review() {
            return REVIEW.equals(kind);
        }
    }

    public record PrincipleItem(String principle, String name, int documents, int measures, List<String> documentIds,
                                List<String> measureIds, List<Provenance> provenance) {
    }
}
