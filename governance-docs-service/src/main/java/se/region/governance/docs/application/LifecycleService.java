package se.region.governance.docs.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.Problem;
import se.region.governance.commons.time.RegionTime;
import se.region.governance.docs.application.Commands.Adopt;
import se.region.governance.docs.application.Commands.OpenConsultation;
import se.region.governance.docs.application.Commands.RecordResponse;
import se.region.governance.docs.application.Commands.Repeal;
import se.region.governance.docs.application.Commands.StartReview;
import se.region.governance.docs.application.LifecycleViews.ConsultationView;
import se.region.governance.docs.application.LifecycleViews.ResponseView;
import se.region.governance.docs.application.LifecycleViews.VersionView;
import se.region.governance.docs.domain.Consultation;
import se.region.governance.docs.domain.ConsultationResponse;
import se.region.governance.docs.domain.Decision;
import se.region.governance.docs.domain.Document;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentVersion;
import se.region.governance.docs.infrastructure.ConsultationRepository;
import se.region.governance.docs.infrastructure.DocumentRepository;
import se.region.governance.docs.infrastructure.VersionRepository;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lifecycle steps of a document: consultation (remiss) and responses, adoption (a new immutable
 * version), review, repeal, and replacement (adopting a document that REPLACES another).
 * The allowed transitions are the domain's ({@link DocumentStatus#allowedNext()}).
 */
@ApplicationScoped
public class LifecycleService {

    @Inject
    DocumentService register;
    @Inject
    DocumentRepository documents;
    @Inject
    ConsultationRepository consultations;
    @Inject
    VersionRepository versions;
    @Inject
    DocumentChanges changes;
    @Inject
    Clock clock;
    @Inject
    RegionTime region;

    public record ConsultationOpened(DocumentView document, ConsultationView consultation) {
    }

    public record ResponseRecorded(DocumentView document, ResponseView response) {
    }

    public record Adopted(DocumentView document, VersionView version) {
    }

    @Transactional
    public ConsultationOpened openConsultation(UUID id, String ifMatch, OpenConsultation cmd) {
        Document d = register.lockedForChange(id, ifMatch, false);
        DocumentView before = DocumentView.of(d);
        d.moveTo(DocumentStatus.IN_CONSULTATION);
        Consultation c = new Consultation(id, cmd.recipients(), cmd.deadline(), cmd.description(), now());
        consultations.persist(c);
        ConsultationView view = view(c);
        DocumentView after = changes.record(before, d, DocumentEvents.CONSULTATION_OPENED, Map.of("consultation", view));
        return new ConsultationOpened(after, view);
    }

    @Transactional
    public ResponseRecorded recordResponse(UUID id, UUID consultationId, String ifMatch, RecordResponse cmd) {
        Document d = register.lockedForChange(id, ifMatch, false);
        Consultation c = consultations.findByIdOptional(consultationId).filter(x -> x.documentId.equals(id))
                .orElseThrow(() -> DomainException.notFound("Consultation", consultationId));
        if (!c.isOpen()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "consultation-closed", "Consultation closed",
                    "The consultation round " + consultationId + " is closed; no more responses can be recorded",
                    Map.of("consultationId", consultationId.toString()));
        }
        ConsultationResponse r = new ConsultationResponse(c.id, cmd.respondent(), cmd.receivedOn(), cmd.position(),
                cmd.summary(), now());
        consultations.persistResponse(r);
        ResponseView response = ResponseView.of(r);
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("consultation", view(c));
        extras.put("response", response);
        DocumentView after = changes.record(DocumentView.of(d), d, DocumentEvents.CONSULTATION_RESPONSE_RECORDED, extras,
                "response from " + r.respondent + " (" + r.position + ", received " + r.receivedOn + ")");
        return new ResponseRecorded(after, response);
    }

    @Transactional
    public Adopted adopt(UUID id, String ifMatch, Adopt cmd) {
        Document d = register.lockedForChange(id, ifMatch, false);
        DocumentView before = DocumentView.of(d);
        if (!d.status.canMoveTo(DocumentStatus.ADOPTED)) {
            d.moveTo(DocumentStatus.ADOPTED); // throws the domain's InvalidTransition
        }
        closeOpenConsultation(d);
        Decision decision = new Decision(cmd.decision().body(), cmd.decision().committee(), cmd.decision().date(),
                cmd.decision().paragraph());
        int number = d.adopt(decision, cmd.fileUrl(), cmd.reviewDue());
        DocumentVersion v = new DocumentVersion(id, number, decision, d.fileUrl,
                cmd.validFrom() != null ? cmd.validFrom() : decision.date, d.reviewDue, now());
        versions.persist(v);
        VersionView version = VersionView.of(v);
        DocumentView after = changes.record(before, d, DocumentEvents.ADOPTED, Map.of("version", version));
        for (UUID replacedId : d.replacedDocuments()) {
            Document replaced = documents.findForUpdate(replacedId)
                    .orElseThrow(() -> DomainException.notFound("Document", replacedId));
            DocumentView replacedBefore = DocumentView.of(replaced);
            replaced.replacedBy(id);
            changes.record(replacedBefore, replaced, DocumentEvents.REPLACED, Map.of("successorId", id));
        }
        return new Adopted(after, version);
    }

    /**
     * The review's startedOn (the day it was decided or began, today unless given) and reason are not fields
     * of the document: the event carries them and the audit trail records them, one line each.
     */
    @Transactional
    public DocumentView startReview(UUID id, String ifMatch, StartReview cmd) {
        LocalDate startedOn = cmd.startedOn() != null ? cmd.startedOn() : region.today();
        Document d = register.lockedForChange(id, ifMatch, false);
        DocumentView before = DocumentView.of(d);
        d.moveTo(DocumentStatus.UNDER_REVIEW);
        if (d.decision != null && d.decision.date != null && startedOn.isBefore(d.decision.date)) {
            // a review is of the version in force: it cannot begin before that version was decided
            String message = "must not be before the decision date of the version in force (" + d.decision.date + ")";
            throw new DomainException(DomainException.Kind.INVALID, "validation", "Invalid request",
                    "Invalid value of startedOn", Map.of("errors", List.of(new Problem.FieldError("startedOn", message))));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        if (cmd.reason() != null) {
            facts.put("reason", cmd.reason());
        }
        facts.put("startedOn", startedOn);
        return changes.recordWithFacts(before, d, DocumentEvents.REVIEW_STARTED, facts);
    }

    @Transactional
    public DocumentView repeal(UUID id, String ifMatch, Repeal cmd) {
        Document d = register.lockedForChange(id, ifMatch, false);
        DocumentView before = DocumentView.of(d);
        d.moveTo(DocumentStatus.REPEALED);
        Map<String, Object> extras = new LinkedHashMap<>();
        if (cmd.reason() != null) {
            extras.put("reason", cmd.reason());
        }
        if (cmd.decision() != null) {
            extras.put("decision", cmd.decision());
        }
        return changes.record(before, d, DocumentEvents.REPEALED, extras);
    }

    @Transactional
    public List<ConsultationView> consultationsOf(UUID id) {
        register.find(id);
        return consultations.ofDocument(id).stream().map(this::view).toList();
    }

    /** The furthest date a review window may reach: the last a date field of the register holds. */
    public static final LocalDate LAST_REVIEW_DATE = LocalDate.of(9999, 12, 31);

    /** Today (the region's) plus {@code within}, unless that lies past {@link #LAST_REVIEW_DATE}. */
    public Optional<LocalDate> reviewLimit(Period within) {
        try {
            LocalDate limit = region.today().plus(within);
            return limit.isAfter(LAST_REVIEW_DATE) ? Optional.empty() : Optional.of(limit);
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Documents in force whose review date is {@code limit} or earlier; soonest first. */
    @Transactional
    public List<DocumentView> dueForReview(LocalDate limit) {
        return documents.list("status in ?1 and reviewDue is not null and reviewDue <= ?2 order by reviewDue, title",
                        List.of(DocumentStatus.ADOPTED, DocumentStatus.UNDER_REVIEW), limit)
                .stream().map(DocumentView::of).toList();
    }

    private void closeOpenConsultation(Document d) {
        consultations.openOf(d.id).ifPresent(c -> {
            c.close(now());
            changes.record(DocumentView.of(d), d, DocumentEvents.CONSULTATION_CLOSED, Map.of("consultation", view(c)),
                    "consultation " + c.id + " closed");
        });
    }

    private ConsultationView view(Consultation c) {
        return new ConsultationView(c.id, c.documentId, List.copyOf(c.recipients), c.deadline,
                c.description, c.status, c.openedAt, c.closedAt,
                consultations.responses(c.id).stream().map(ResponseView::of).toList());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
