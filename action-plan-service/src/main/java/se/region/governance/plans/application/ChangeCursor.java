package se.region.governance.plans.application;

import se.region.governance.commons.problem.DomainException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The change feed's cursor: opaque to clients (base64url of a versioned position), so the
 * position's representation can change without breaking pollers that only echo it back.
 */
public final class ChangeCursor {

    private static final String PREFIX = "c1:";

    private ChangeCursor() {
    }

    public static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The seq a cursor stands for; null or blank is the beginning (0). */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (!s.startsWith(PREFIX)) {
                throw new IllegalArgumentException("no prefix");
            }
            long seq = Long.parseLong(s.substring(PREFIX.length()));
            if (seq < 0) {
                throw new IllegalArgumentException("negative");
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-cursor", "Invalid cursor",
                    "after must be a cursor this feed returned as next (or absent to start from the beginning)");
        }
    }
}
