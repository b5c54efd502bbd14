package se.region.governance.docs.application;

import se.region.governance.commons.problem.DomainException;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.domain.Principle;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A register search: filters, sort and page. */
public record DocumentQuery(String q, DocumentType type, DocumentStatus status, Principle principle, String ownerUnit,
                            String diaryNumber, LocalDate reviewDueBefore, String sortField, boolean ascending,
                            int page, int size) {

    public static final List<String> SORT_FIELDS =
            List.of("title", "diaryNumber", "createdAt", "updatedAt", "reviewDue", "status", "type", "relevance");

    /** Parses {@code field,asc|desc}; the default is relevance for a text search, else title. */
    public static DocumentQuery of(String q, DocumentType type, DocumentStatus status, Principle principle,
                                   String ownerUnit, String diaryNumber, LocalDate reviewDueBefore, String sort,
                                   int page, int size) {
        String field = q != null && !q.isBlank() ? "relevance" : "title";
        boolean ascending = !field.equals("relevance");
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",");
            field = parts[0].trim();
            ascending = parts.length < 2 || !parts[1].trim().toLowerCase(Locale.ROOT).equals("desc");
            if (!SORT_FIELDS.contains(field) || (parts.length > 1 && !parts[1].trim().toLowerCase(Locale.ROOT).matches("asc|desc"))) {
                throw new DomainException(DomainException.Kind.INVALID, "invalid-sort", "Invalid sort",
                        "sort must be FIELD[,asc|desc] with FIELD one of " + SORT_FIELDS);
            }
            if (field.equals("relevance") && (q == null || q.isBlank())) {
                field = "title";
            }
        }
        return new DocumentQuery(blankToNull(q), type, status, principle, blankToNull(ownerUnit),
                blankToNull(diaryNumber), reviewDueBefore, field, ascending, page, size);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
