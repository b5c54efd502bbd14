package se.region.governance.commons.http;

import org.junit.jupiter.api.Test;
import se.region.governance.commons.problem.DomainException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityTagsTest {

    @Test
    void missingIfMatchIs428WhenRequired() {
        DomainException e = assertThrows(DomainException.class, () -> EntityTags.require(null, 3));
        assertEquals(428, e.kind().status);
    }

    @Test
    void staleIfMatchIs412() {
        DomainException e = assertThrows(DomainException.class, () -> EntityTags.require("\"2\"", 3));
        assertEquals(412, e.kind().status);
        assertEquals("\"3\"", e.properties().get("currentETag"));
    }

    @Test
    void matchingIfMatchPasses() {
        assertDoesNotThrow(() -> EntityTags.require("\"3\"", 3));
        assertDoesNotThrow(() -> EntityTags.require("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> EntityTags.require("*", 3));
        assertDoesNotThrow(() -> EntityTags.check(null, 3));
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertTrue(EntityTags.noneMatchHits("W/\"abc\"", "abc"));
        assertTrue(EntityTags.noneMatchHits("\"x\", \"abc\"", "abc"));
        assertFalse(EntityTags.noneMatchHits("\"abd\"", "abc"));
        assertFalse(EntityTags.noneMatchHits(null, "abc"));
    }
}
