package se.region.governance.docs.infrastructure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SwedishQueryTest {

    @Test
    void definiteFormsAlsoSearchTheirBase() {
        assertEquals("policy", DocumentSearch.stripEnding("policyn"));
        assertEquals("styrdokument", DocumentSearch.stripEnding("styrdokumenten"));
        assertEquals("(policyn:* | policy:*)", DocumentSearch.toTsQuery("policyn"));
    }

    @Test
    void shortWordsKeepTheirEnding() {
        assertEquals("plan", DocumentSearch.stripEnding("plan"));
        assertEquals("plan:*", DocumentSearch.toTsQuery("plan"));
    }

    @Test
    void onlyLettersAndDigitsReachTheQuerySyntax() {
        assertEquals("(tillit:* | tilli:*) & (öppenhet:* | öppenh:*)", DocumentSearch.toTsQuery("Tillit & öppenhet!:*|"));
        assertNull(DocumentSearch.toTsQuery(" &|!() "));
    }
}
