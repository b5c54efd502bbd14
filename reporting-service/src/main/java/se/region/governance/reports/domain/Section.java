package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** One section of a report: a stable key (contract), a Swedish title, a text body and its items. */
public record Section(String key, String title, String body, ArrayNode items) {
    public static final String BACKGROUND = "background";
    public static final String DOCUMENTS = "documents";
    public static final String MEASURES = "measures";
    public static final String EXAMPLES = "examples";
    public static final String NEXT_STEPS = "next-steps";
    public static final String PRINCIPLES = "principles";
}
