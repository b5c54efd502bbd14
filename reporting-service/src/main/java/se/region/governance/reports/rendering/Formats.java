package se.region.governance.reports.rendering;

import java.util.List;

/** The formats a report is answered in (by Accept) and frozen in when final. */
public final class Formats {
    public static final String JSON = "application/json";
    public static final String MARKDOWN = "text/markdown";
    public static final String HTML = "text/html";
    public static final String PDF = "application/pdf";
    public static final List<String> ALL = List.of(JSON, MARKDOWN, HTML, PDF);
    /** The HTML page's body alone (answered as text/html): a public rendition only, never frozen. */
    public static final String HTML_FRAGMENT = "text/html;fragment";

    private Formats() {
    }
}
