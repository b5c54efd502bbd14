package se.region.governance.reports.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Renditions of DRAFT reports, kept by the SHA-256 of everything a rendering reads (the format, the report's fields and
 * its stored sections): a GET of an unchanged draft answers the bytes already rendered; any change (an edit, a
 * recompile) makes another key. Bounded by bytes; least recently used first out.
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

    public byte[] get(String key) {
        return kept.getIfPresent(key);
    }

    public void put(String key, byte[] bytes) {
        kept.put(key, bytes);
    }

    /** The key of a report's rendition in a format: the light view's fields and the stored sections' bytes. */
    public static String key(ReportView r, String format) {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Object field : new Object[]{format, r.id(), r.planId(), r.title(), r.periodFrom(), r.periodTo(), r.asOf(),
                r.status(), r.compiledBy(), r.compiledAt(), r.contentHash(), r.finalizedAt(), r.preface(), r.conclusion()}) {
            add(d, field == null ? null : chars(field.toString()));
        }
        add(d, r.sectionsJson());
        return HexFormat.of().formatHex(d.digest());
    }

    /** The text's UTF-16 code units as they are (an encoder would turn a lone surrogate into a replacement). */
    private static byte[] chars(String s) {
        byte[] b = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            b[2 * i] = (byte) (s.charAt(i) >>> 8);
            b[2 * i + 1] = (byte) s.charAt(i);
        }
        return b;
    }

    /** Each field with its length first, so that no two different reports give the same input. */
    private static void add(MessageDigest d, byte[] field) {
        int n = field == null ? -1 : field.length;
        d.update(new byte[]{(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        if (field != null) {
            d.update(field);
        }
    }
}
