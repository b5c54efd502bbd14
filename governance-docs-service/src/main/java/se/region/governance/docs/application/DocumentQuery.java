package se.region.governance.docs.application;

import se.region.governance.commons.problem.DomainException;
import se.region.governance.commons.problem.Problem;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A register search: filters, sort and page; {@code publicOnly} leaves out every DRAFT (ADR 10). */
public record DocumentQuery(String q, DocumentType type, DocumentStatus status, Principle principle, String ownerUnit,
                            String diaryNumber, LocalDate reviewDueBefore, String sortField, boolean ascending,
                            int page, int size, boolean publicOnly) {

    public static final List<String> SORT_FIELDS =
            List.of("title", "diaryNumber", "createdAt", "updatedAt", "reviewDue", "status", "type", "relevance");

    /**
     * Parses {@code field[,asc|desc]}; the default is relevance for a text search, else title. Filters
     * are used as sent (a blank one is no filter).
     */
    public static DocumentQuery of(String q, DocumentType type, DocumentStatus status, Principle principle,
                                   String ownerUnit, String diaryNumber, LocalDate reviewDueBefore, String sort,
                                   int page, int size) {
        boolean text = q != null && !q.isBlank();
        String field = text ? "relevance" : "title";
        boolean ascending = !text;
        if (sort != null) {
            Matcher m = SORT.matcher(sort);
            if (!m.matches() || !SORT_FIELDS.contains(m.group(1))) {
                throw new DomainException(DomainException.Kind.INVALID, "invalid-sort", "Invalid sort",
                        "sort must be FIELD[,asc|desc] with FIELD one of " + SORT_FIELDS,
                        Map.of("errors", List.of(new Problem.FieldError("sort",
                                "must be FIELD[,asc|desc] with FIELD one of " + SORT_FIELDS))));
            }
            field = m.group(1).equals("relevance") && !text ? "title" : m.group(1);
            ascending = m.group(2) == null || m.group(2).toLowerCase(Locale.ROOT).equals("asc");
        }
        return new DocumentQuery(blankToNull(q), type, status, principle, blankToNull(ownerUnit),
                blankToNull(diaryNumber), reviewDueBefore, field, ascending, page, size, false);
    }

    /** The same search over the public documents only: a condition of the search, so pages and totals count them alone. */
    public DocumentQuery onlyPublic() {
        return new DocumentQuery(q, type, status, principle, ownerUnit, diaryNumber, reviewDueBefore, sortField, ascending,
                page, size, true);
    }

    private static final Pattern SORT = Pattern.compile("([A-Za-z]+)(?:,((?i)asc|desc))?");

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
