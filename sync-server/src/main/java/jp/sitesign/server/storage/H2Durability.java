package jp.sitesign.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Makes a committed transaction of the embedded H2 durable before the server answers "done" (ADR 11).
 *
 * <p>H2's MVStore keeps a commit in memory; its background thread writes it out later, and only when no
 * other write is running, so a killed process lost acknowledged writes (hundreds under load). Here the
 * committing thread writes the store's new version itself, waits for any write H2 had queued, and forces
 * the file to the device — what PostgreSQL's commit does. Commits that wait while another thread forces
 * the file are covered by that force (group commit): each thread forces only when no force since its own
 * write has covered it. H2's background thread keeps running, for the file's compaction.
 */
final class H2Durability {
    /** The newest store version known to be on the device. */
    private final AtomicLong forced = new AtomicLong(Long.MIN_VALUE);

    /** Called after {@code committed}'s transaction committed; returns once it is on disk. */
    void persist(Connection committed) throws SQLException {
        MVStore store = store(committed);
        if (store == null) {
            return;
        }
        store.commit();
        long needed = store.getCurrentVersion();
        if (forced.get() >= needed) {
            return;
        }
        // Inside, H2 holds its store lock and has finished every write it had queued, so all versions up
        // to the current one are in the file before it is forced.
        store.executeFilestoreOperation(() -> {
            if (forced.get() < needed) {
                long covered = store.getCurrentVersion();
                store.sync();
                forced.accumulateAndGet(covered, Math::max);
            }
        });
    }

    /** The file store behind the connection; null for an in-memory or a remote (TCP) H2 database. */
    private static MVStore store(Connection c) throws SQLException {
        if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? null : store;
    }
}
