package se.region.governance.docs.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import se.region.governance.docs.application.DocumentQuery;

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

    public Page search(DocumentQuery query) {
        StringBuilder where = new StringBuilder(" from document d where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!filters(query, where, params)) {
            return new Page(List.of(), 0);
        }
        Query count = em.createNativeQuery("select count(*)" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        if (total == 0) {
            return new Page(List.of(), 0);
        }
        Query select = em.createNativeQuery("select d.id" + where + " order by " + orderBy(query) + ", d.id"
                + " limit :limit offset :offset");
        params.forEach(select::setParameter);
        select.setParameter("limit", query.size());
        select.setParameter("offset", (long) query.page() * query.size());
        return new Page(ids(select.getResultList()), total);
    }

    private static List<UUID> ids(List<?> rows) {
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object row : rows) {
            ids.add(row instanceof UUID u ? u : UUID.fromString(row.toString()));
        }
        return ids;
    }

    /** Appends the query's conditions; false if it can match nothing (a text search without a word). */
    private static boolean filters(DocumentQuery query, StringBuilder where, Map<String, Object> params) {
        String tsQuery = query.q() == null ? null : toTsQuery(query.q());
        if (query.q() != null) {
            if (tsQuery == null) {
                return false;
            }
            where.append(" and d.search_vector @@ to_tsquery('swedish', :tsq)");
            params.put("tsq", tsQuery);
        }
        if (query.type() != null) {
            where.append(" and d.type = :type");
            params.put("type", query.type().name());
        }
        if (query.status() != null) {
            where.append(" and d.status = :status");
            params.put("status", query.status().name());
        }
        if (query.principle() != null) {
            where.append(" and ").append(HAS_PRINCIPLE);
            params.put("principle", "[{\"principle\":\"" + query.principle().name() + "\"}]");
        }
        if (query.ownerUnit() != null) {
            where.append(" and lower(d.owner_unit) = lower(:ownerUnit)");
            params.put("ownerUnit", query.ownerUnit());
        }
        if (query.diaryNumber() != null) {
            where.append(" and lower(d.diary_number) = lower(:diaryNumber)");
            params.put("diaryNumber", query.diaryNumber());
        }
        if (query.reviewDueBefore() != null) {
            where.append(" and d.review_due < :reviewDueBefore");
            params.put("reviewDueBefore", query.reviewDueBefore());
        }
        return true;
    }

    /** The ids of every match in the query's order, without paging (the CSV export pages through them). */
    public List<UUID> allIds(DocumentQuery query) {
        StringBuilder where = new StringBuilder(" from document d where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!filters(query, where, params)) {
            return List.of();
        }
        Query select = em.createNativeQuery("select d.id" + where + " order by " + orderBy(query) + ", d.id");
        params.forEach(select::setParameter);
        return ids(select.getResultList());
    }

    private static String orderBy(DocumentQuery q) {
        String dir = q.ascending() ? " asc" : " desc";
        return switch (q.sortField()) {
            case "relevance" -> "ts_rank(d.search_vector, to_tsquery('swedish', :tsq))" + dir;
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
