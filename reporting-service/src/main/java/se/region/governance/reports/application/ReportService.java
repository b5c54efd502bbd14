package se.region.governance.reports.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import se.region.governance.commons.events.Outbox;
import se.region.governance.commons.http.EntityTags;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.security.Caller;
import se.region.governance.reports.domain.AsOfState;
import se.region.governance.reports.domain.ReportView;
import se.region.governance.reports.domain.EventTypes;
import se.region.governance.reports.domain.Report;
import se.region.governance.reports.domain.ReportCompiler;
import se.region.governance.reports.domain.ReportPeriod;
import se.region.governance.reports.domain.ReportSections;
import se.region.governance.reports.domain.ReportStatus;
import se.region.governance.reports.domain.ReportSummary;
import se.region.governance.reports.infrastructure.EventLog;
import se.region.governance.reports.infrastructure.ReportRepository;
import se.region.governance.reports.rendering.DraftRenditions;
import se.region.governance.reports.rendering.Formats;
import se.region.governance.reports.rendering.RenderBound;
import se.region.governance.reports.rendering.ReportRenderers;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Compile, recompile, edit, finalize and read follow-up reports. */
@ApplicationScoped
public class ReportService {

    @Inject
    ReportRepository reports;
    @Inject
    EventLog eventLog;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;
    @Inject
    ReportRenderers renderers;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    RenderBound bound;
    @Inject
    DraftRenditions drafts;

    private final ReportCompiler compiler = new ReportCompiler();

    @Transactional
    public ReportView compile(CompileCommand c) {
        ReportPeriod period = new ReportPeriod(c.periodFrom(), c.periodTo(), c.asOf());
        if (!eventLog.planKnown(c.planId())) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "unknown-plan", "Unknown plan",
                    "No events of plan " + c.planId() + " have reached the reporting service",
                    Map.of("errors", List.of(Map.of("field", "planId", "message", "unknown plan"))));
        }
        Report r = Report.compiled(UUID.randomUUID(), c.planId(), c.title(), period, c.compiledBy(), caller.subject(),
                compileSections(c.planId(), period), now());
        reports.persist(r);
        reports.flush();
        return compiled(r);
    }

    @Transactional
    public ReportView recompile(UUID id, String ifMatch) {
        Report r = locked(id);
        EntityTags.check(ifMatch, r.version);
        r.status.requireDraft("recompiled");
        r.recompiled(compileSections(r.planId, r.period()), now());
        reports.flush();
        return compiled(r);
    }

    @Transactional
    public ReportView editText(UUID id, String ifMatch, String preface, String conclusion) {
        Report r = locked(id);
        r.status.requireDraft("edited");
        EntityTags.require(ifMatch, r.version);
        r.editText(preface, conclusion, now());
        reports.flush();
        return view(r);
    }

    /** Freezes the report: renders every format once, stores the bytes, records the content hash. */
    @Transactional
    public ReportView finalizeReport(UUID id, String ifMatch) {
        Report r = locked(id);
        r.status.requireDraft("finalized again");
        EntityTags.check(ifMatch, r.version);
        r.finalized(contentHash(view(r)), caller.subject(), now());
        reports.flush();
        ReportView v = view(r);
        for (String format : Formats.ALL) {
            byte[] bytes = bound.render(format, () -> renderers.render(v, format));
            reports.storeRendition(r.id, format, bytes, "sha256:" + sha256(bytes));
        }
        outbox.append(EventTypes.REPORTS_TOPIC, EventTypes.REPORT_FINALIZED, r.id.toString(),
                new ReportEvents.ReportFinalized(ReportEvents.ReportSummary.of(v)));
        return v;
    }

    @Transactional
    public ReportView get(UUID id) {
        return view(find(id));
    }

    /**
     * The report in a format: the frozen bytes of a FINAL report; of a DRAFT, the rendition kept for its version
     * ({@link DraftRenditions}) or a fresh rendering, within the bound on renders at once ({@link RenderBound}). The
     * row is read in a short transaction; rendering (a large plan's PDF takes a second or two) holds no transaction
     * and no connection.
     */
    public Rendered render(UUID id, String format) {
        record Loaded(ReportView report, byte[] frozen) {
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            Report r = find(id);
            return new Loaded(view(r), r.status == ReportStatus.FINAL ? reports.rendition(id, format) : null);
        });
        ReportView v = loaded.report();
        if (loaded.frozen() != null) {
            return new Rendered(v, loaded.frozen());
        }
        if (Formats.JSON.equals(format)) {
            return new Rendered(v, renderers.render(v, format));
        }
        byte[] bytes = drafts.get(v, format, () -> bound.render(format, () -> renderers.render(v, format)));
        return new Rendered(v, bytes);
    }

    public record Rendered(ReportView report, byte[] bytes) {
    }

    @Transactional
    public PageResponse<ReportSummary> list(String planId, int page, int size) {
        return new PageResponse<>(reports.summaries(planId, page, size), page, size, reports.total(planId));
    }

    /**
     * SHA-256 of the report's content: its identity, period, compiler, free text and sections, as canonical
     * JSON (fixed member order). Anyone holding the JSON can recompute it; it never changes once recorded.
     */
    public String contentHash(ReportView v) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", v.id());
        content.put("planId", v.planId());
        content.put("title", v.title());
        content.put("periodFrom", v.periodFrom());
        content.put("periodTo", v.periodTo());
        content.put("asOf", v.asOf());
        content.put("compiledBy", v.compiledBy());
        content.put("compiledAt", v.compiledAt());
        content.put("preface", v.preface());
        content.put("conclusion", v.conclusion());
        content.put("sections", v.sections());
        try {
            return "sha256:" + sha256(json.writeValueAsBytes(content));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of the plan and the register as of the period's date, rebuilt from the event log, compiled. */
    private ReportSections compileSections(String planId, ReportPeriod period) {
        long start = System.nanoTime();
        AsOfState state = AsOfState.empty(planId, period.asOf());
        int events = eventLog.replayUpTo(planId, period.asOf(), state::applyNext);
        ReportSections sections = compiler.compile(state, period);
        Log.debugf("compiled plan %s as of %s from %d events in %d ms", planId, period.asOf(), events,
                (System.nanoTime() - start) / 1_000_000);
        return sections;
    }

    private ReportView compiled(Report r) {
        ReportView v = view(r);
        outbox.append(EventTypes.REPORTS_TOPIC, EventTypes.REPORT_COMPILED, r.id.toString(),
                new ReportEvents.ReportCompiled(ReportEvents.ReportSummary.of(v)));
        return v;
    }

    private static ReportView view(Report r) {
        return new ReportView(r.id, r.planId, r.title, r.periodFrom, r.periodTo, r.asOf, r.status, r.compiledBy,
                r.compiledAt, r.contentHash, r.finalizedAt, r.preface, r.conclusion, r.sections, r.version);
    }

    private Report find(UUID id) {
        Report r = reports.findById(id);
        if (r == null) {
            throw DomainException.notFound("Report", id);
        }
        return r;
    }

    private Report locked(UUID id) {
        Report r = reports.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw DomainException.notFound("Report", id);
        }
        return r;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
