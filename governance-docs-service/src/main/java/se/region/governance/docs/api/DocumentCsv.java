package se.region.governance.docs.api;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.text.StorableText;
import se.region.governance.docs.application.DocumentQuery;
import se.region.governance.docs.application.DocumentService;
import se.region.governance.docs.application.DocumentService.FieldProblem;
import se.region.governance.docs.application.DocumentService.ImportRow;
import se.region.governance.docs.application.DocumentView;
import se.region.governance.docs.domain.DecisionBody;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The register as CSV (RFC 4180, UTF-8, header row). Export and import share the columns; on
 * import, the read-only columns (id, status, currentVersion, createdAt, updatedAt) are ignored and
 * every document starts as DRAFT. Principles are codes separated by ';'. Columns added later come last
 * (draftingSince), and every column but diaryNumber, title and type may be absent, so a file in an
 * older column set still imports. Cells are taken as they are (not trimmed); an empty cell is an
 * absent value. Cells that a spreadsheet would run as a formula are neutralised in the export
 * ({@link #neutralise}) and restored on import, so an exported file imports to the same text.
 */
@ApplicationScoped
public class DocumentCsv {

    static final List<String> COLUMNS = List.of("id", "diaryNumber", "title", "type", "political", "status", "ownerUnit",
            "responsible", "summary", "decisionBody", "decisionCommittee", "decisionDate", "decisionParagraph",
            "reviewDue", "fileUrl", "principles", "currentVersion", "createdAt", "updatedAt", "draftingSince");
    private static final int MAX_ROWS = 5000;
    private static final int PAGE = 500;

    private final CsvMapper mapper = new CsvMapper();

    @Inject
    Validator validator;
    @Inject
    DocumentService service;

    /**
     * Writes the header and every document the query matches, read {@value #PAGE} at a time, so
     * neither the register nor the file is ever held in memory.
     */
    public void write(DocumentQuery query, OutputStream out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<UUID> ids = service.matchingIds(query);
        try (SequenceWriter writer = mapper.writer(schema.build()).writeValues(out)) {
            for (int from = 0; from < ids.size(); from += PAGE) {
                for (DocumentView d : service.byIds(ids.subList(from, Math.min(ids.size(), from + PAGE)))) {
                    writer.write(row(d));
                }
            }
        }
    }

    /**
     * OWASP's CSV-injection defence: a cell a spreadsheet would take for a formula (it begins with =,
     * +, -, @, TAB or CR) gets a leading single quote; so does one that begins with quotes before such
     * a character, so that {@link #restore} can tell the two apart. Jackson quotes every such cell
     * (it contains a character below the separator).
     */
    static String neutralise(String cell) {
        return FORMULA.matcher(cell).lookingAt() ? "'" + cell : cell;
    }

    /** The import's inverse of {@link #neutralise}: the quote the export added is taken away. */
    static String restore(String cell) {
        return cell != null && cell.startsWith("'") && FORMULA.matcher(cell).region(1, cell.length()).lookingAt()
                ? cell.substring(1) : cell;
    }

    private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r]");

    private static Map<String, Object> row(DocumentView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("diaryNumber", d.diaryNumber());
        m.put("title", d.title());
        m.put("type", d.type());
        m.put("political", d.political());
        m.put("status", d.status());
        m.put("ownerUnit", d.ownerUnit());
        m.put("responsible", d.responsible());
        m.put("summary", d.summary());
        m.put("decisionBody", d.decision() == null ? null : d.decision().body());
        m.put("decisionCommittee", d.decision() == null ? null : d.decision().committee());
        m.put("decisionDate", d.decision() == null ? null : d.decision().date());
        m.put("decisionParagraph", d.decision() == null ? null : d.decision().paragraph());
        m.put("reviewDue", d.reviewDue());
        m.put("fileUrl", d.fileUrl());
        m.put("principles", d.principles().stream().map(p -> p.principle().name()).collect(Collectors.joining(";")));
        m.put("currentVersion", d.currentVersion());
        m.put("createdAt", d.createdAt());
        m.put("updatedAt", d.updatedAt());
        m.put("draftingSince", d.draftingSince());
        m.replaceAll((k, v) -> v == null ? "" : neutralise(v.toString()));
        return m;
    }

    /** Parses every row; problems are collected per row (line numbers count the header as line 1). */
    public List<ImportRow> read(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("The CSV body is empty");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            while (it.hasNext()) {
                rows.add(it.next());
                if (rows.size() > MAX_ROWS) {
                    throw invalid("At most " + MAX_ROWS + " rows per import");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw invalid("The body is not valid CSV with a header row");
        }
        if (!rows.isEmpty() && !rows.get(0).keySet().containsAll(List.of("diaryNumber", "title", "type"))) {
            throw invalid("The header must name at least diaryNumber, title and type; known columns: " + COLUMNS);
        }
        List<ImportRow> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            result.add(parse(i + 2, rows.get(i)));
        }
        return result;
    }

    private ImportRow parse(int line, Map<String, String> r) {
        List<FieldProblem> problems = new ArrayList<>();
        // the rule of JSON bodies (commons' StorableText) holds for CSV cells too
        r.forEach((column, cell) -> StorableText.check(cell)
                .ifPresent(problem -> problems.add(new FieldProblem(column, problem.describe()))));
        if (!problems.isEmpty()) {
            return new ImportRow(line, null, problems);
        }
        DocumentType type = parseValue(r, "type", DocumentType::valueOf, problems);
        DecisionBody body = parseValue(r, "decisionBody", DecisionBody::valueOf, problems);
        LocalDate decisionDate = parseValue(r, "decisionDate", LocalDate::parse, problems);
        LocalDate reviewDue = parseValue(r, "reviewDue", LocalDate::parse, problems);
        LocalDate draftingSince = parseValue(r, "draftingSince", LocalDate::parse, problems);
        Boolean political = parseValue(r, "political", v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException();
            }
            return Boolean.valueOf(v);
        }, problems);
        List<Requests.PrincipleJson> principles = parseValue(r, "principles", v -> Arrays.stream(v.split(";"))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> new Requests.PrincipleJson(Principle.valueOf(s), null)).toList(), problems);
        Requests.DecisionBodyJson decision = body == null && decisionDate == null ? null
                : new Requests.DecisionBodyJson(body, blank(r.get("decisionCommittee")), decisionDate,
                blank(r.get("decisionParagraph")));
        Requests.DocumentJson json = new Requests.DocumentJson(blank(r.get("diaryNumber")), blank(r.get("title")), type,
                political, blank(r.get("ownerUnit")), blank(r.get("responsible")), blank(r.get("summary")), decision,
                principles, reviewDue, blank(r.get("fileUrl")), null, draftingSince);
        for (ConstraintViolation<Requests.DocumentJson> v : validator.validate(json)) {
            String field = v.getPropertyPath().toString();
            if (problems.stream().noneMatch(p -> field.startsWith(p.field()))) {
                problems.add(new FieldProblem(field, v.getMessage()));
            }
        }
        return new ImportRow(line, problems.isEmpty() ? json.toData() : null, problems);
    }

    private static <T> T parseValue(Map<String, String> row, String column, Function<String, T> parser,
                                    List<FieldProblem> problems) {
        String value = blank(row.get(column));
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            problems.add(new FieldProblem(column, "invalid value '" + value + "'"));
            return null;
        }
    }

    /** A cell as the file has it (an empty or blank cell is an absent value). */
    private static String blank(String s) {
        return s == null || s.isBlank() ? null : restore(s);
    }

    private static DomainException invalid(String detail) {
        return new DomainException(DomainException.Kind.INVALID, "invalid-import", "Invalid import", detail);
    }
}
