package se.region.governance.reports.rendering;

import io.quarkus.qute.TemplateExtension;

/**
 * Text in the Markdown template ({@code {text.md}}): each character of Markdown or HTML syntax backslash-escaped, so user
 * text reads as the text it is, never as markup, raw HTML, an entity or a link (no link of any scheme comes from it).
 */
@TemplateExtension
final class MarkdownText {

    private MarkdownText() {
    }

    /** Text on one line (a run of white space holding a line break is one space), escaped. */
    static String md(String s) {
        return escaped(ReadableText.oneLine(s));
    }

    /** A paragraph: its line breaks kept, each line escaped. */
    static String md(ReadableReport.Paragraph p) {
        StringBuilder b = new StringBuilder();
        for (String line : p.lines()) {
            b.append(b.isEmpty() ? "" : "\n").append(escaped(line));
        }
        return b.toString();
    }

    /** Escaped everywhere: what opens emphasis, code, links, HTML, entities, headings, tables and strikethrough. */
    private static final String SYNTAX = "\\`*_[]<>&|~#";

    /**
     * A line of text (no line break, no leading space) escaped. At the start of a line {@code -}, {@code +} and
     * {@code =} (list items, thematic breaks, setext underlines) and the {@code .} or {@code )} after leading digits
     * (ordered lists) are escaped too.
     */
    static String escaped(String line) {
        StringBuilder b = new StringBuilder(line.length() + 8);
        int digits = 0;
        while (digits < line.length() && line.charAt(digits) >= '0' && line.charAt(digits) <= '9') {
            digits++;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SYNTAX.indexOf(c) >= 0 || (i == 0 && (c == '-' || c == '+' || c == '='))
                    || (i == digits && digits > 0 && (c == '.' || c == ')'))) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
