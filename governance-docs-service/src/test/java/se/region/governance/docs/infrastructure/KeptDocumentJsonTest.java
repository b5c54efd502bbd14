package se.region.governance.docs.infrastructure;

import org.junit.jupiter.api.Test;
import se.region.governance.docs.application.DocumentJson;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What is kept, and when a read must go to the database. */
class KeptDocumentJsonTest {

    private final UUID id = UUID.randomUUID();
    private final AtomicInteger loads = new AtomicInteger();

    private DocumentJson load(long version) {
        loads.incrementAndGet();
        return new DocumentJson(version, new byte[0]);
    }

    @Test
    void keptWhileUnchangedAndDroppedOnAChange() {
        KeptDocumentJson cache = new KeptDocumentJson(10);
        cache.listening();
        DocumentJson first = cache.get(id, () -> load(0));
        assertSame(first, cache.get(id, () -> load(0)));
        assertEquals(1, loads.get());

        cache.changed(id);
        assertEquals(1, cache.get(id, () -> load(1)).version());
        assertEquals(2, loads.get());
    }

    @Test
    void whatWasLoadedWhileAChangeWasAnnouncedIsNotKept() {
        KeptDocumentJson cache = new KeptDocumentJson(10);
        cache.listening();
        cache.get(id, () -> {
            cache.changed(id); // committed by another instance while this read loaded the old version
            return load(0);
        });
        assertEquals(1, cache.get(id, () -> load(1)).version());
        assertEquals(2, loads.get());
    }

    @Test
    void nothingIsKeptWhileNotHearingChanges() {
        KeptDocumentJson cache = new KeptDocumentJson(10);
        cache.get(id, () -> load(0));
        cache.get(id, () -> load(0));
        assertEquals(2, loads.get(), "not yet listening");

        cache.listening();
        cache.get(id, () -> load(0));
        cache.deaf();
        cache.get(id, () -> load(1));
        assertEquals(4, loads.get(), "what was kept is dropped when the announcements stop");
    }

    @Test
    void sizeZeroKeepsNothing() {
        KeptDocumentJson cache = new KeptDocumentJson(0);
        cache.get(id, () -> load(0));
        cache.get(id, () -> load(0));
        assertEquals(2, loads.get());
    }
}
