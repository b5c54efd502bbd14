package se.region.governance.docs.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.Problem;
import se.region.governance.docs.application.Commands.DocumentData;
import se.region.governance.docs.application.LifecycleViews.AuditView;
import se.region.governance.docs.application.LifecycleViews.VersionView;
import se.region.governance.docs.domain.Decision;
import se.region.governance.docs.domain.Document;
import se.region.governance.docs.domain.PrincipleTag;
import se.region.governance.docs.domain.Relation;
import se.region.governance.docs.infrastructure.AuditRepository;
import se.region.governance.docs.infrastructure.DocumentRepository;
import se.region.governance.docs.infrastructure.DocumentSearch;
import se.region.governance.docs.infrastructure.VersionRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Use cases of the register itself: create, edit, read, search. Lifecycle steps: {@link LifecycleService}. */
@ApplicationScoped
public class DocumentService {

    @Inject
    DocumentRepository documents;
    @Inject
    VersionRepository versions;
    @Inject
    AuditRepository audit;
    @Inject
    DocumentSearch search;
    @Inject
    DocumentChanges changes;
    @Inject
    Clock clock;

    @Transactional
    public DocumentView create(DocumentData data) {
        Document d = Document.draft(UUID.randomUUID(), data.diaryNumber(), data.title(), data.type(), now());
        ensureDiaryNumberFree(data.diaryNumber(), null);
        apply(d, data, false);
        documents.persist(d);
        return changes.record(null, d, DocumentEvents.CREATED, Map.of());
    }

    /** PUT: every editable field is replaced by the body's (absent optional fields become empty). */
    @Transactional
    public DocumentView replace(UUID id, String ifMatch, DocumentData data) {
        Document d = lockedForChange(id, ifMatch, true);
        DocumentView before = DocumentView.of(d);
        ensureDiaryNumberFree(data.diaryNumber(), id);
        ensureDecisionKept(d, data.decision());
        apply(d, data, false);
        return changes.record(before, d, DocumentEvents.UPDATED, Map.of());
    }

    /** PATCH: only the fields present (non-null) in the body change. */
    @Transactional
    public DocumentView patch(UUID id, String ifMatch, DocumentData data) {
        Document d = lockedForChange(id, ifMatch, true);
        DocumentView before = DocumentView.of(d);
        if (data.diaryNumber() != null) {
            ensureDiaryNumberFree(data.diaryNumber(), id);
        }
        if (data.decision() != null) {
            ensureDecisionKept(d, data.decision());
        }
        apply(d, data, true);
        return changes.record(before, d, DocumentEvents.UPDATED, Map.of());
    }

    /** A plain read: one query (the lists are in the row), no transaction of its own (the hot path of other systems' lookups). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DocumentView get(UUID id) {
        return DocumentView.of(documents.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Document", id)));
    }

    /** The ids of every document the query matches, in its order (its page and size are not used). */
    @Transactional
    public List<UUID> matchingIds(DocumentQuery query) {
        return search.allIds(query);
    }

    /** The documents of these ids, in their order (one query; for paging through {@link #matchingIds}). */
    @Transactional
    public List<DocumentView> byIds(List<UUID> ids) {
        return byIdsInOrder(ids);
    }

    @Transactional
    public PageResponse<DocumentView> list(DocumentQuery query) {
        DocumentSearch.Page page = search.search(query);
        List<DocumentView> items = byIdsInOrder(page.ids());
        return new PageResponse<>(items, query.page(), query.size(), page.total());
    }

    @Transactional
    public List<VersionView> versions(UUID id) {
        find(id);
        return versions.ofDocument(id).stream().map(VersionView::of).toList();
    }

    @Transactional
    public PageResponse<AuditView> history(UUID id, int page, int size) {
        find(id);
        return new PageResponse<>(audit.page(id, page, size).stream().map(AuditView::of).toList(), page, size,
                audit.countOf(id));
    }

    /**
     * Stores every row or none: each row is checked (diary number format and uniqueness, also
     * within the file; relations) and all problems are reported together with their row numbers.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600) // a file of thousands of rows is one all-or-nothing transaction
    public List<DocumentView> importAll(List<ImportRow> rows) {
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            errors.addAll(row.errors().stream().map(m -> new RowError(row.line(), m.field(), m.message())).toList());
            String dnr = row.data() == null ? null : row.data().diaryNumber();
            if (dnr != null) {
                if (!seen.add(dnr.toLowerCase())) {
                    errors.add(new RowError(row.line(), "diaryNumber", "appears more than once in the file"));
                } else if (documents.diaryNumberTaken(dnr, null)) {
                    errors.add(new RowError(row.line(), "diaryNumber", "is already registered"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-import", "Invalid import",
                    errors.size() + " problem(s) in the file; nothing was stored", Map.of("errors", errors));
        }
        List<DocumentView> created = new ArrayList<>();
        for (ImportRow row : rows) {
            created.add(create(row.data()));
            // Keep the persistence context small: otherwise every row's flush re-checks all earlier rows (quadratic).
            documents.flush();
            documents.getEntityManager().clear();
        }
        return created;
    }

    /** One parsed import row: its data (null if unparseable) and field problems found while parsing. */
    public record ImportRow(int line, DocumentData data, List<FieldProblem> errors) {
    }

    public record FieldProblem(String field, String message) {
    }

    public record RowError(int row, String field, String message) {
    }

    Document find(UUID id) {
        Document d = documents.findById(id);
        if (d == null) {
            throw DomainException.notFound("Document", id);
        }
        return d;
    }

    Document lockedForChange(UUID id, String ifMatch, boolean ifMatchRequired) {
        Document d = documents.findForUpdate(id).orElseThrow(() -> DomainException.notFound("Document", id));
        if (ifMatchRequired) {
            EntityTags.require(ifMatch, d.version);
        } else {
            EntityTags.check(ifMatch, d.version);
        }
        return d;
    }

    private List<DocumentView> byIdsInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Document> found = documents.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(d -> d.id, Function.identity()));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).map(DocumentView::of).toList();
    }

    private void ensureDiaryNumberFree(String diaryNumber, UUID except) {
        if (documents.diaryNumberTaken(diaryNumber, except)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "duplicate-diary-number", "Duplicate diary number",
                    "A document with diary number " + diaryNumber + " is already registered",
                    Map.of("diaryNumber", diaryNumber));
        }
    }

    /**
     * Once adopted, a document's decision is its adoption's (the version in force): only a lifecycle
     * step (a new adoption) changes it. A PUT must repeat it as it is; a PATCH leaves it out or repeats it.
     */
    private static void ensureDecisionKept(Document d, Commands.DecisionData sent) {
        Decision wanted = sent == null ? null : new Decision(sent.body(), sent.committee(), sent.date(), sent.paragraph());
        if (d.currentVersion > 0 && !Objects.equals(d.decision, wanted)) {
            String message = "is set by adoption (version " + d.currentVersion + "); send it unchanged, or adopt a new"
                    + " version (POST /api/v1/documents/" + d.id + "/adoptions)";
            throw new DomainException(DomainException.Kind.CONFLICT, "decision-set-by-adoption", "Decision set by adoption",
                    "The decision of document " + d.id + " (" + d.status + ") " + message,
                    Map.of("field", "decision", "currentStatus", d.status.name(),
                            "errors", List.of(new Problem.FieldError("decision", message))));
        }
    }

    private void apply(Document d, DocumentData data, boolean partial) {
        if (!partial || data.diaryNumber() != null) {
            d.diaryNumber = data.diaryNumber();
        }
        if (!partial || data.title() != null) {
            d.title = data.title();
        }
        if (!partial || data.type() != null) {
            d.type = data.type();
        }
        if (!partial || data.political() != null) {
            d.political = Boolean.TRUE.equals(data.political());
        }
        if (!partial || data.ownerUnit() != null) {
            d.ownerUnit = data.ownerUnit();
        }
        if (!partial || data.responsible() != null) {
            d.responsible = data.responsible();
        }
        if (!partial || data.summary() != null) {
            d.summary = data.summary();
        }
        if (!partial || data.draftingSince() != null) {
            d.draftingSince = data.draftingSince();
        }
        if (!partial || data.decision() != null) {
            d.decision = data.decision() == null ? null : new Decision(data.decision().body(), data.decision().committee(),
                    data.decision().date(), data.decision().paragraph());
        }
        if (!partial || data.reviewDue() != null) {
            d.reviewDue = data.reviewDue();
        }
        if (!partial || data.fileUrl() != null) {
            d.fileUrl = data.fileUrl();
        }
        if (!partial || data.principles() != null) {
            d.expresses(data.principles() == null ? List.of() : data.principles().stream()
                    .map(p -> new PrincipleTag(p.principle(), p.passage())).toList());
        }
        if (!partial || data.relations() != null) {
            List<Relation> relations = new ArrayList<>();
            if (data.relations() != null) {
                for (Commands.RelationData r : data.relations()) {
                    if (r.documentId().equals(d.id) || documents.findById(r.documentId()) == null) {
                        throw new DomainException(DomainException.Kind.UNPROCESSABLE, "unknown-related-document",
                                "Unknown related document", "relations: document " + r.documentId()
                                + " is not in the register" + (r.documentId().equals(d.id) ? " (it is this one)" : ""));
                    }
                    relations.add(new Relation(r.kind(), r.documentId()));
                }
            }
            d.relatesTo(relations);
        }
        d.refreshSearchText();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
