package se.region.governance.reports.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many renders of the readable formats run at once per instance, and how many bytes of rendered drafts are kept
 * ({@code governance.reports.render.*}; the environment overrides, e.g. GOVERNANCE_REPORTS_RENDER_PDF_AT_ONCE).
 */
@ConfigMapping(prefix = "governance.reports.render")
public interface RenderConfig {

    /** PDF renders at once: a large report's PDF holds a core for seconds. */
    @WithDefault("2")
    int pdfAtOnce();

    /** Markdown and HTML renders at once. */
    @WithDefault("4")
    int textAtOnce();

    /** Rendered drafts kept, in bytes of their renditions (the least recently used go first). */
    @WithDefault("67108864")
    long cacheBytes();

    /** Public renditions of FINAL reports kept, in bytes (the least recently used go first). */
    @WithDefault("33554432")
    long publicCacheBytes();
}
