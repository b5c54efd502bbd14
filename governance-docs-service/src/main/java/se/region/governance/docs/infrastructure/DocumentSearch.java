package se.region.governance.docs.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import se.region.governance.docs.application.DocumentQuery;
import se.region.governance.docs.domain.DocumentStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Register search in SQL: Swedish full text (PostgreSQL's {@code swedish} configuration, ranked),
 * filters, Swedish title order (collation {@code swedish}), paging.
 */
@ApplicationScoped
public class DocumentSearch {

    /** Definite and plural endings, longest first: "policyn" is also searched as "policy*". */
    private static final List<String> SWEDISH_ENDINGS = List.of("ernas", "arnas", "ornas", "erna", "arna", "orna",
            "ens", "ets", "en", "et", "na", "ar", "er", "or", "n", "t", "s");

    /**
     * The document's principles (a jsonb array of {@code {"principle", "passage"}}) include the one in
     * {@code :principle} (a jsonb array of one {@code {"principle": CODE}}): containment, which the GIN
     * index document_principles (jsonb_path_ops, V6) answers.
     */
    public static final String HAS_PRINCIPLE = "d.principles @> cast(:principle as jsonb)";

    @Inject
    EntityManager em;

    public record Page(List<UUID> ids, long total) {
    }

    /**
     * A page of the query's matches and their total. With {@code q}, one statement reads both: a text search
     * visits every match anyway (the GIN index says which rows match, not how many, and the rank needs each
     * row's vector), so the total is counted in the same pass ({@code count(*) over ()}, taken before the
     * limit) instead of by a second search. Without {@code q}, two statements: the total from an index alone
     * where the filters allow, the page in the order of an index that stops after its rows (V7).
     */
    public Page search(DocumentQuery query) {
        StringBuilder from = new StringBuilder(" from document d");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!filters(query, from, params)) {
            return new Page(List.of(), 0);
        }
        long offset = (long) query.page() * query.size();
        if (query.q() != null) {
            List<?> rows = page("select d.id, count(*) over ()", from, params, query, offset);
            if (!rows.isEmpty()) {
                List<UUID> ids = new ArrayList<>(rows.size());
                for (Object row : rows) {
                    ids.add(uuid(((Object[]) row)[0]));
                }
                return new Page(ids, ((Number) ((Object[]) rows.get(0))[1]).longValue());
            }
            // no row: nothing matches, or the page lies past the last match (its total is still the answer's)
            return new Page(List.of(), offset == 0 ? 0 : count(from, params));
        }
        long total = count(from, params);
        if (total <= offset) {
            return new Page(List.of(), total);
        }
        return new Page(ids(page("select d.id", from, params, query, offset)), total);
    }

    private long count(CharSequence from, Map<String, Object> params) {
        Query count = em.createNativeQuery("select count(*)" + from);
        params.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    private List<?> page(String select, CharSequence from, Map<String, Object> params, DocumentQuery query, long offset) {
        Query page = em.createNativeQuery(select + from + " order by " + orderBy(query) + ", d.id"
                + " limit :limit offset :offset");
        params.forEach(page::setParameter);
        page.setParameter("limit", query.size());
        page.setParameter("offset", offset);
        return page.getResultList();
    }

    private static List<UUID> ids(List<?> rows) {
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object row : rows) {
            ids.add(uuid(row));
        }
        return ids;
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    /**
     * Appends the query's conditions to {@code from document d}; false if it can match nothing (a text search
     * without a word). The text query is a row of the from clause ({@code tsq}), computed once per statement:
     * written as {@code to_tsquery('swedish', :tsq)} in the rank, a generic plan (the JDBC driver prepares a
     * statement on the server from its fifth use) parsed it again for every match.
     */
    private static boolean filters(DocumentQuery query, StringBuilder from, Map<String, Object> params) {
        String tsQuery = query.q() == null ? null : toTsQuery(query.q());
        if (query.q() != null) {
            if (tsQuery == null) {
                return false;
            }
            from.append(", to_tsquery('swedish', :tsq) tsq where d.search_vector @@ tsq");
            params.put("tsq", tsQuery);
        } else {
            from.append(" where true");
        }
        if (query.type() != null) {
            from.append(" and d.type = :type");
            params.put("type", query.type().name());
        }
        if (query.status() != null) {
            from.append(" and d.status = :status");
            params.put("status", query.status().name());
        }
        if (query.publicOnly()) {
            from.append(" and d.status <> :draft");
            params.put("draft", DocumentStatus.DRAFT.name());
        }
        if (query.principle() != null) {
            from.append(" and ").append(HAS_PRINCIPLE);
            params.put("principle", "[{\"principle\":\"" + query.principle().name() + "\"}]");
        }
        if (query.ownerUnit() != null) {
            from.append(" and lower(d.owner_unit) = lower(:ownerUnit)");
            params.put("ownerUnit", query.ownerUnit());
        }
        if (query.diaryNumber() != null) {
            from.append(" and lower(d.diary_number) = lower(:diaryNumber)");
            params.put("diaryNumber", query.diaryNumber());
        }
        if (query.reviewDueBefore() != null) {
            from.append(" and d.review_due < :reviewDueBefore");
            params.put("reviewDueBefore", query.reviewDueBefore());
        }
        return true;
    }

    /** The ids of every match in the query's order, without paging (the CSV export pages through them). */
    public List<UUID> allIds(DocumentQuery query) {
        StringBuilder from = new StringBuilder(" from document d");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!filters(query, from, params)) {
            return List.of();
        }
        Query select = em.createNativeQuery("select d.id" + from + " order by " + orderBy(query) + ", d.id");
        params.forEach(select::setParameter);
        return ids(select.getResultList());
    }

    private static String orderBy(DocumentQuery q) {
        String dir = q.ascending() ? " asc" : " desc";
        return switch (q.sortField()) {
            case "relevance" -> "ts_rank(d.search_vector, tsq)" + dir;
            case "diaryNumber" -> "lower(d.diary_number)" + dir;
            case "createdAt" -> "d.created_at" + dir;
            case "updatedAt" -> "d.updated_at" + dir;
            case "reviewDue" -> "d.review_due" + dir + " nulls last";
            case "status" -> "d.status" + dir;
            case "type" -> "d.type" + dir;
            default -> "d.title collate swedish" + dir;
        };
    }

    /**
     * Words joined with AND; each word as a prefix and, stripped of a Swedish definite or plural
     * ending, as a prefix again. Only letters and digits reach the query syntax. Null if no word.
     */
    static String toTsQuery(String text) {
        List<String> terms = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.forLanguageTag("sv")).split("[^\\p{L}\\p{N}]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String stem = stripEnding(raw);
            terms.add(stem.equals(raw) ? raw + ":*" : "(" + raw + ":* | " + stem + ":*)");
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    static String stripEnding(String word) {
        for (String ending : SWEDISH_ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= 4) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }
}
