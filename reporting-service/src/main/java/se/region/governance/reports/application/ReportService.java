package se.region.governance.reports.application;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import se.region.governance.reports.domain.EventTypes;
import se.region.governance.reports.domain.Report;
import se.region.governance.reports.domain.ReportCompiler;
import se.region.governance.reports.domain.ReportPeriod;
import se.region.governance.reports.domain.ReportStatus;
import se.region.governance.reports.domain.ReportSummary;
import se.region.governance.reports.infrastructure.EventLog;
import se.region.governance.reports.infrastructure.ReportRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ForkJoinPool;

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
     * The report in a format: the frozen bytes of a FINAL report; of a DRAFT, the rendition kept for its content
     * ({@link DraftRenditions}) or a fresh rendering, within the bound on renders at once ({@link RenderBound}). The
     * row (and frozen bytes) are read in a short transaction; parsing and rendering (a large plan's PDF takes seconds)
     * hold no transaction and no connection.
     */
    public Rendered render(UUID id, String format) {
        record Loaded(Report report, byte[] frozen) {
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            Report r = find(id);
            return new Loaded(r, r.status == ReportStatus.FINAL ? reports.rendition(id, format) : null);
        });
        Report r = loaded.report();
        if (loaded.frozen() != null) {
            return new Rendered(lightView(r), loaded.frozen());
        }
        ReportView light = lightView(r);
        if (Formats.JSON.equals(format)) {
            return new Rendered(light, renderers.render(light, format));
        }
        String key = DraftRenditions.key(light, format);
        byte[] kept = drafts.get(key);
        if (kept != null) {
            return new Rendered(light, kept);
        }
        byte[] bytes = bound.render(format, () -> renderers.render(readableView(r), format));
        drafts.put(key, bytes);
        return new Rendered(light, bytes);
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

    /** The sections as UTF-8 JSON, serialized once (stored and answered as these bytes). */
    private byte[] compileSections(String planId, ReportPeriod period) {
        long t0 = System.nanoTime();
        AsOfState state = AsOfState.empty(planId, period.asOf());
        // the register's events read and applied on a second core (on a connection of their own, outside this
        // transaction: the register's and the plan's events come from two topics, in no order between them) while this
        // thread reads and applies the plan's, each part with its own query
        SideTask<Integer> registerEvents = new SideTask<>(() -> eventLog.readUpTo(planId, period.asOf(), EventLog.Part.REGISTER)
                .apply(AsOfState.MEMBERS_READ, state.registerFeed()), ForkJoinPool.commonPool());
        EventLog.Replay planEvents = eventLog.readUpTo(planId, period.asOf(), EventLog.Part.PLAN);
        long tRead = System.nanoTime();
        int events = planEvents.apply(AsOfState.MEMBERS_READ, state.planFeed()) + registerEvents.join();
        long t1 = System.nanoTime();
        // written straight from the state as it is compiled (no tree of the sections in between), the register's
        // half (documents, next steps, principles) on another core while this thread writes the plan's half
        List<ReportCompiler.SectionWriter> sections = new ReportCompiler(json).sections(state, period);
        SideTask<Chunks[]> register = new SideTask<>(() -> new Chunks[]{
                written(sections.get(1)), written(sections.get(4)), written(sections.get(5))}, ForkJoinPool.commonPool());
        Chunks[] plan = {written(sections.get(0)), written(sections.get(2)), written(sections.get(3))};
        Chunks[] other = register.join();
        byte[] bytes = joined(plan[0], other[0], plan[1], plan[2], other[1], other[2]);
        Log.debugf("compiled plan %s as of %s: %d events (the plan's read in %d ms) read and applied in %d ms, %d bytes compiled and written in %d ms",
                planId, period.asOf(), events, (tRead - t0) / 1_000_000, (t1 - t0) / 1_000_000, bytes.length,
                (System.nanoTime() - t1) / 1_000_000);
        return bytes;
    }

    private Chunks written(ReportCompiler.SectionWriter section) {
        Chunks out = new Chunks();
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            section.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code [a,b,…]} of JSON values, copied once into the report's array. */
    private static byte[] joined(Chunks... values) {
        int length = 2 + values.length - 1;
        for (Chunks v : values) {
            length += v.length();
        }
        byte[] out = new byte[length];
        out[0] = '[';
        int at = 1;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            at = values[i].copyTo(out, at);
        }
        out[at] = ']';
        return out;
    }

    /** Bytes written in 64 KiB chunks, copied once where they go (no growing array copied on each growth or at the end). */
    static final class Chunks extends java.io.OutputStream {
        private static final int SIZE = 1 << 16;
        private final List<byte[]> full = new java.util.ArrayList<>();
        private byte[] current = new byte[SIZE];
        private int used;

        @Override
        public void write(int b) {
            if (used == SIZE) {
                next();
            }
            current[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (used == SIZE) {
                    next();
                }
                int n = Math.min(len, SIZE - used);
                System.arraycopy(b, off, current, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void next() {
            full.add(current);
            current = new byte[SIZE];
            used = 0;
        }

        int length() {
            return full.size() * SIZE + used;
        }

        int copyTo(byte[] out, int at) {
            for (byte[] chunk : full) {
                System.arraycopy(chunk, 0, out, at, SIZE);
                at += SIZE;
            }
            System.arraycopy(current, 0, out, at, used);
            return at + used;
        }
    }

    private ReportView compiled(Report r) {
        ReportView v = lightView(r);
        outbox.append(EventTypes.REPORTS_TOPIC, EventTypes.REPORT_COMPILED, r.id.toString(),
                new ReportEvents.ReportCompiled(ReportEvents.ReportSummary.of(v)));
        return v;
    }

    ReportView view(Report r) {
        try {
            return view(r, json.readTree(r.sections));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For the readable formats: the sections parsed without their provenance lists, which the readable formats never
     * show (about half of a large report's nodes).
     */
    ReportView readableView(Report r) {
        try {
            return view(r, withoutProvenance(json, r.sections));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sections as a tree, leaving out every {@code provenance} member (Jackson's filtering parser). */
    static JsonNode withoutProvenance(ObjectMapper json, byte[] sections) throws java.io.IOException {
        try (JsonParser p = new FilteringParserDelegate(json.createParser(sections), WITHOUT_PROVENANCE,
                TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
            return json.readTree(p);
        }
    }

    /** Every member but {@code provenance}, at any depth. */
    private static final TokenFilter WITHOUT_PROVENANCE = new TokenFilter() {
        @Override
        public TokenFilter includeProperty(String name) {
            return "provenance".equals(name) ? null : this;
        }

        @Override
        public boolean includeEmptyArray(boolean contentsFiltered) {
            return true; // an empty list stays an empty list
        }

        @Override
        public boolean includeEmptyObject(boolean contentsFiltered) {
            return true;
        }
    };

    /** Without parsing the sections: enough to write the JSON format (the stored text is spliced in). */
    ReportView lightView(Report r) {
        return view(r, null);
    }

    private ReportView view(Report r, JsonNode sections) {
        return new ReportView(r.id, r.planId, r.title, r.periodFrom, r.periodTo, r.asOf, r.status, r.compiledBy,
                r.compiledAt, r.contentHash, r.finalizedAt, r.preface, r.conclusion, sections, r.version, r.sections);
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

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
