package se.region.governance.gateway.publicweb;

import io.vertx.core.MultiMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The register's search form as the page received it: the values are checked here (a bad one is a 400 page
 * naming the field, before any service is asked), passed on to the service, echoed in the form, and kept in the
 * paging links.
 */
public record DocumentSearch(String q, String type, String principle, String status, int page) {

    /** One choice of a select: its code, Swedish label, and whether it is the one chosen. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A query value the page refuses, by the form's field. */
    static final class BadField extends RuntimeException {
        final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    static DocumentSearch of(MultiMap params) {
        String q = blankToEmpty(params.get("q"));
        if (q.length() > 200) {
            throw new BadField("q", "Sökorden får vara högst 200 tecken.");
        }
        String type = code(params, "type", SwedishLabels.DOCUMENT_TYPES, "dokumenttyp");
        String principle = code(params, "principle", SwedishLabels.PRINCIPLES, "princip");
        String status = code(params, "status", SwedishLabels.DOCUMENT_STATUSES, "status");
        int page = 0;
        String pageText = blankToEmpty(params.get("page"));
        if (!pageText.isEmpty()) {
            try {
                page = Integer.parseInt(pageText);
            } catch (NumberFormatException e) {
                page = -1;
            }
            if (page < 0 || page > 10_000) {
                throw new BadField("page", "Sidnumret (page) måste vara ett heltal från 0.");
            }
        }
        return new DocumentSearch(q, type, principle, status, page);
    }

    /** The service's query for this search. */
    String apiQuery() {
        return query(page) + "&size=20";
    }

    /** The page's own link to another page of the same search. */
    public String pageLink(int other) {
        return "/public/documents?" + query(other);
    }

    public String previousLink() {
        return pageLink(page - 1);
    }

    public String nextLink() {
        return pageLink(page + 1);
    }

    public List<Option> types() {
        return options(SwedishLabels.DOCUMENT_TYPES, type);
    }

    public List<Option> principles() {
        return options(SwedishLabels.PRINCIPLES, principle);
    }

    public List<Option> statuses() {
        return options(SwedishLabels.DOCUMENT_STATUSES, status);
    }

    public boolean filtered() {
        return !q.isEmpty() || !type.isEmpty() || !principle.isEmpty() || !status.isEmpty();
    }

    private String query(int forPage) {
        StringBuilder b = new StringBuilder();
        append(b, "q", q);
        append(b, "type", type);
        append(b, "principle", principle);
        append(b, "status", status);
        b.append(b.isEmpty() ? "" : "&").append("page=").append(forPage);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (!value.isEmpty()) {
            b.append(b.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String code(MultiMap params, String name, Map<String, String> known, String what) {
        String value = blankToEmpty(params.get(name));
        if (!value.isEmpty() && !known.containsKey(value)) {
            throw new BadField(name, "Okänt värde för " + what + " (" + name + ").");
        }
        return value;
    }

    private static List<Option> options(Map<String, String> labels, String chosen) {
        List<Option> options = new ArrayList<>();
        labels.forEach((code, label) -> options.add(new Option(code, label, code.equals(chosen))));
        return options;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
