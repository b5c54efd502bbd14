package se.region.governance.reports.rendering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.reports.config.RenderConfig;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The public renditions of FINAL reports (ADR 10), kept by report and format: a FINAL report never changes, so each is
 * rendered once per instance and then answered from here, however many anonymous readers ask. Bounded by bytes;
 * least recently used first out. A failed render (a draft's 404, a busy renderer's 503) is not kept.
 */
@ApplicationScoped
public class PublicRenditions {

    private final Cache<String, Rendition> kept;

    @Inject
    public PublicRenditions(RenderConfig config) {
        kept = Caffeine.newBuilder().maximumWeight(config.publicCacheBytes())
                .weigher((String key, Rendition r) -> r.bytes().length + key.length()).build();
    }

    /** The rendition kept for the report in the format, or {@code render}'s, then kept. */
    public Rendition get(UUID reportId, String format, Supplier<Rendition> render) {
        return kept.get(reportId + "/" + format, key -> render.get());
    }

    /** A rendition's bytes and its entity tag. */
    public record Rendition(String tag, byte[] bytes) {
    }
}
