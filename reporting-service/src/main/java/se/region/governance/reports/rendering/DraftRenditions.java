package se.region.governance.reports.rendering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.reports.config.RenderConfig;
import se.region.governance.reports.domain.ReportView;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Renditions of DRAFT reports, kept by report, version and format: every change of a draft (an edit, a recompile) gives
 * it a new version, so a GET of an unchanged draft answers the bytes already rendered. Bounded by bytes; least recently
 * used first out.
 */
@ApplicationScoped
public class DraftRenditions {

    private final Cache<String, byte[]> kept;

    @Inject
    public DraftRenditions(RenderConfig config) {
        kept = Caffeine.newBuilder().maximumWeight(config.cacheBytes())
                .weigher((String key, byte[] bytes) -> bytes.length + key.length())
                .expireAfterAccess(Duration.ofHours(1)).build();
    }

    /** The rendition kept for the report's version in the format, or {@code render}'s, then kept. */
    public byte[] get(ReportView r, String format, Supplier<byte[]> render) {
        return kept.get(r.id() + "/" + r.version() + "/" + format, key -> render.get());
    }
}
