package se.region.governance.docs.infrastructure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import se.region.governance.commons.jdbc.DedicatedConnections;
import se.region.governance.docs.application.DocumentJson;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The documents' kept JSON (ADR 0006): the JSON of documents as GET by id answers it, kept between
 * reads, and everything that drops it again. The one class of this optimisation; its two hooks are
 * migration V4's trigger (PostgreSQL announces every committed change of a document on channel
 * {@code document_changed}) and the {@code @NonBlocking} GET of {@code DocumentResource} (a kept
 * document is answered on the I/O thread). The application reaches it through {@code DocumentReads}
 * (reads) and {@code DocumentChanges} (drops).
 * <p>
 * An entry is dropped as soon as its document changes: right after the commit when the change is made
 * through this instance ({@link #dropAfterTransaction}), and when PostgreSQL announces it otherwise (a
 * change by another instance, or by hand; in practice milliseconds after the commit). The announcements
 * are heard on one connection of this class's own, outside the pool, reconnected with back-off when it
 * is lost; a quiet connection is probed every few seconds, so a dead one is noticed. While this instance
 * does not hear the announcements (connection lost, starting up) nothing is kept and every read goes to
 * the database.
 * <p>
 * A read that loaded a document while any change was announced does not keep what it loaded (it may
 * be the older version): a global count of changes is compared before and after the load, atomically
 * with the store. Bounded by {@code governance.documents.read-cache.max-size} (default 10,000
 * documents, a few kB each; 0 turns it off: nothing is kept and no connection listens).
 */
@ApplicationScoped
public class KeptDocumentJson {

    static final String CHANNEL = "document_changed";
    private static final String CONNECTION_NAME = "document-change-listener";
    private static final int WAIT_MILLIS = 5_000;

    private final Cache<UUID, DocumentJson> cache;
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean hearing;

    @Inject
    DedicatedConnections connections;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    @Inject
    public KeptDocumentJson(@ConfigProperty(name = "governance.documents.read-cache.max-size", defaultValue = "10000") long maxSize) {
        this.cache = maxSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    /** The document's kept JSON, or null: no database work, fit for an I/O thread. */
    public DocumentJson kept(UUID id) {
        return cache == null || !hearing ? null : cache.getIfPresent(id);
    }

    /** The document's JSON: kept, or loaded (and kept if no change was announced meanwhile). */
    public DocumentJson get(UUID id, Supplier<DocumentJson> load) {
        if (cache == null || !hearing) {
            return load.get();
        }
        DocumentJson kept = cache.getIfPresent(id);
        if (kept != null) {
            return kept;
        }
        long before = changes.get();
        DocumentJson loaded = load.get();
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

    /** Whether every change committed from now on is announced to this instance. */
    public boolean isListening() {
        return hearing;
    }

    // --- what is kept, as the announcements come (the listening thread; package-private for tests)

    /** Listening from now on: every change committed after this call is announced. */
    void listening() {
        dropAll();
        hearing = true;
    }

    /** No longer listening: changes may go unannounced until the next {@link #listening()}. */
    void deaf() {
        hearing = false;
        dropAll();
    }

    /** The document was changed by a committed transaction. */
    void changed(UUID id) {
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

    // --- the LISTEN connection

    void start(@Observes StartupEvent event) {
        if (cache == null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, CONNECTION_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            // a read that does not answer within 30 s is a dead connection (the probe runs every WAIT_MILLIS)
            try (Connection c = connections.open(CONNECTION_NAME, 30)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                backoff = 0;
                setListening(true);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null || notifications.length == 0) {
                        probe(c);
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        announced(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                setListening(false);
                if (!running) {
                    return;
                }
                backoff = Math.min(Math.max(backoff * 2, 250), 5_000);
                Log.warnf("Not hearing document changes (retrying in %d ms), reads go to the database: %s",
                        backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
            } finally {
                setListening(false);
                connection = null;
            }
        }
    }

    private static void probe(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select 1");
        }
    }

    private void announced(String parameter) {
        UUID id;
        try {
            id = UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            Log.warnf("Ignoring a %s notification that is not a document id: %s", CHANNEL, parameter);
            return;
        }
        changed(id);
    }

    private void setListening(boolean now) {
        if (hearing == now) {
            return;
        }
        if (now) {
            listening();
        } else {
            deaf();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a connection that is being abandoned
            }
        }
    }
}
