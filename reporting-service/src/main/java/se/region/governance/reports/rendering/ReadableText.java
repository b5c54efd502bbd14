package se.region.governance.reports.rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * Text of a report made fit for the readable formats, each function in one pass over the text: no regular expression
 * meets user text, so text of any shape (a run of 200,000 spaces) takes time in proportion to its length.
 * Only the rendering changes; the stored report and its JSON keep the text as it is.
 */
final class ReadableText {

    static final char REPLACEMENT = '\uFFFD';

    private ReadableText() {
    }

    /**
     * The text with each character that no readable format can hold replaced by U+FFFD: C0 controls other than tab,
     * LF and CR, DEL and the C1 controls, noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every
     * plane) and lone surrogates. XML 1.0 (the PDF is made from the XHTML) forbids most of them; the rest renders as
     * nothing or as a broken glyph. The text itself if it holds none.
     */
    static String renderable(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!renderable(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (renderable(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(REPLACEMENT);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** A code point as {@link #renderable(String)} decides; a lone surrogate arrives here as itself (codePointAt). */
    static boolean renderable(int cp) {
        if (cp < 0x20) {
            return cp == '\t' || cp == '\n' || cp == '\r';
        }
        if (cp >= 0x7F && cp <= 0x9F) {
            return false;
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return false;
        }
        return !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** One line: each run of white space that holds a line break becomes one space; leading and trailing space dropped. */
    static String oneLine(String s) {
        String t = renderable(s);
        StringBuilder b = new StringBuilder(t.length());
        int i = 0;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (!isSpace(c)) {
                b.append(c);
                i++;
                continue;
            }
            int start = i;
            boolean lineBreak = false;
            while (i < n && isSpace(t.charAt(i))) {
                lineBreak |= t.charAt(i) == '\n' || t.charAt(i) == '\r';
                i++;
            }
            if (start > 0 && i < n) {
                if (lineBreak) {
                    b.append(' ');
                } else {
                    b.append(t, start, i);
                }
            }
        }
        return b.toString();
    }

    /**
     * Paragraphs, as separated by blank lines (a run of white space holding two line breaks or more), each a list of
     * its lines without their leading and trailing space; blank paragraphs and lines are left out.
     */
    static List<List<String>> paragraphs(String s) {
        String t = renderable(s);
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int n = t.length();
        int i = 0;
        while (i < n) {
            int end = i;
            while (end < n && t.charAt(end) != '\n' && t.charAt(end) != '\r') {
                end++;
            }
            String line = strip(t, i, end);
            if (!line.isEmpty()) {
                lines.add(line);
            } else if (!lines.isEmpty()) {
                paragraphs.add(lines);
                lines = new ArrayList<>();
            }
            i = end < n && t.charAt(end) == '\r' && end + 1 < n && t.charAt(end + 1) == '\n' ? end + 2 : end + 1;
        }
        if (!lines.isEmpty()) {
            paragraphs.add(lines);
        }
        return paragraphs;
    }

    private static String strip(String t, int from, int to) {
        while (from < to && isSpace(t.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(t.charAt(to - 1))) {
            to--;
        }
        return t.substring(from, to);
    }
}
