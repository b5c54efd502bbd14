package se.region.governance.docs.infrastructure;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import se.region.governance.commons.jdbc.DedicatedConnections;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hears every committed change of a document, by any instance, from PostgreSQL's
 * {@code document_changed} notifications (a trigger on the document table, V4). Holds one
 * connection of its own, outside the pool, and reconnects with back-off when it is lost. While it
 * is not listening, subscribers are told so ({@link Subscriber#deaf()}): they must not rely on
 * being told about changes then. A quiet connection is probed every few seconds, so a dead one is
 * noticed.
 */
@ApplicationScoped
public class DocumentChangeListener {

    static final String CHANNEL = "document_changed";
    private static final int WAIT_MILLIS = 5_000;

    /** Told of changes; called on the listener's thread. */
    public interface Subscriber {
        /** Listening from now on: every change committed after this call is announced. */
        void listening();

        /** No longer listening: changes may go unannounced until the next {@link #listening()}. */
        void deaf();

        /** The document was changed by a committed transaction. */
        void changed(UUID id);
    }

    @Inject
    DedicatedConnections connections;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
        if (listening) {
            subscriber.listening();
        }
    }

    public boolean isListening() {
        return listening;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "document-change-listener");
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
            try (Connection c = connections.open("document-change-listener", 30)) {
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
                        announce(n.getParameter());
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

    private void announce(String parameter) {
        UUID id;
        try {
            id = UUID.fromString(parameter);
        } catch (IllegalArgumentException e) {
            Log.warnf("Ignoring a %s notification that is not a document id: %s", CHANNEL, parameter);
            return;
        }
        for (Subscriber s : subscribers) {
            s.changed(id);
        }
    }

    private void setListening(boolean now) {
        if (listening == now) {
            return;
        }
        listening = now;
        for (Subscriber s : subscribers) {
            if (now) {
                s.listening();
            } else {
                s.deaf();
            }
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
