package se.region.governance.reports.rendering;


/**
 * How much of a report the readable formats (Markdown, HTML and the PDF made from the HTML) list entry by entry;
 * the JSON format always carries everything, with each item's provenance. A report of a plan the size of § 183
 * stays within these limits and reads in full. Beyond them the readable formats summarise (counts, each measure's
 * latest updates) and say so at the top, naming the JSON version as the complete report: listed in full, a plan
 * of 1,000 measures and 10,000 updates makes a PDF of almost 900 pages that takes many seconds to render.
 *
 * @param listLimit         entries listed per list: measures described one by one (more measures: one table row
 *                          each), documents per category, examples, coming steps of each kind, measure titles in
 *                          the background, plan-level collaborations
 * @param updatesPerMeasure a measure's latest updates (and collaborations) of the period listed; earlier ones counted
 */
public record ReadableLimits(int listLimit, int updatesPerMeasure) {

    public static final int DEFAULT_LIST_LIMIT = 25;
    public static final int DEFAULT_UPDATES_PER_MEASURE = 5;
    public static final ReadableLimits DEFAULT = new ReadableLimits(DEFAULT_LIST_LIMIT, DEFAULT_UPDATES_PER_MEASURE);

    public ReadableLimits {
        if (listLimit < 1 || updatesPerMeasure < 1) {
            throw new IllegalArgumentException("readable limits must be at least 1: " + listLimit + ", " + updatesPerMeasure);
        }
    }
}
