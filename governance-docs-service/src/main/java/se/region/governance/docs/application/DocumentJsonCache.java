package se.region.governance.docs.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.region.governance.docs.infrastructure.DocumentChangeListener;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The JSON of documents as GET by id answers it, kept between reads. An entry is dropped as soon as
 * its document changes: right after the commit when the change is made through this instance, and
 * when PostgreSQL announces it otherwise (a change by another instance, or by hand:
 * {@link DocumentChangeListener}, in practice milliseconds after the commit). While this instance
 * does not hear the announcements (database connection lost, starting up) nothing is kept and every
 * read goes to the database.
 * <p>
 * A read that loaded a document while any change was announced does not keep what it loaded (it may
 * be the older version): a global count of changes is compared before and after the load, atomically
 * with the store. Bounded by {@code governance.documents.read-cache.max-size} (default 10,000
 * documents, a few kB each; 0 turns it off).
 */
@ApplicationScoped
public class DocumentJsonCache implements DocumentChangeListener.Subscriber {

    /** A document's JSON as the API writes it, and the version (ETag) it is of. */
    public record Json(long version, byte[] body) {
    }

    private final Cache<UUID, Json> cache;
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean hearing;

    @Inject
    DocumentChangeListener listener;
    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    public DocumentJsonCache(@ConfigProperty(name = "governance.documents.read-cache.max-size", defaultValue = "10000") long maxSize) {
        this.cache = maxSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    void start(@Observes StartupEvent event) {
        if (cache != null) {
            listener.subscribe(this);
        }
    }

    /** The document's kept JSON, or null. */
    public Json kept(UUID id) {
        return cache == null || !hearing ? null : cache.getIfPresent(id);
    }

    /** The document's JSON: kept, or loaded (and kept if no change was announced meanwhile). */
    public Json get(UUID id, Supplier<Json> load) {
        if (cache == null || !hearing) {
            return load.get();
        }
        Json kept = cache.getIfPresent(id);
        if (kept != null) {
            return kept;
        }
        long before = changes.get();
        Json loaded = load.get();
        cache.asMap().compute(id, (key, present) -> hearing && changes.get() == before ? loaded : present);
        return loaded;
    }

    /** Drops the document's JSON when the caller's transaction has ended (committed or not). */
    public void dropAfterTransaction(UUID id) {
        if (cache == null) {
            return;
        }
        changed(id); // a read that loads before the commit must not keep what it loaded either
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                changed(id);
            }
        });
    }

    @Override
    public void listening() {
        dropAll();
        hearing = true;
    }

    @Override
    public void deaf() {
        hearing = false;
        dropAll();
    }

    @Override
    public void changed(UUID id) {
        changes.incrementAndGet();
        if (cache == null) {
            return;
        }
        cache.invalidate(id);
    }

    private void dropAll() {
        changes.incrementAndGet();
        if (cache == null) {
            return;
        }
        cache.invalidateAll();
    }
}
