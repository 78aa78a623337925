package jp.sitesign.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.sitesign.model.audit.AuditAction;
import jp.sitesign.model.audit.AuditOutcome;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.audit.AuditAnchoring;
import jp.sitesign.server.audit.AuditLog;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.ContentCipher;
import jp.sitesign.server.storage.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups (DESIGN §8, ADR 12): data backups — full, or differential against the newest full — and log
 * backups, their generations and retention, verification and restore. The daily job and the operator's
 * {@code backup} commands both come here.
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final String OPERATOR = "operator";

    private final ServerConfig config;
    private final AuditLog audit;
    private final AuditAnchoring anchoring;
    private final Clock clock;
    private final BackupWriter writer;

    public Backups(ServerConfig config, Database db, ContentCipher cipher, AuditLog audit, AuditAnchoring anchoring,
            Clock clock) {
        this.config = config;
        this.audit = audit;
        this.anchoring = anchoring;
        this.clock = clock;
        this.writer = new BackupWriter(db, cipher, clock);
    }

    /** One backup in a folder, as {@code backup list} shows it. */
    public record Listing(String id, String kind, Instant createdAt, String base, long bytes, Path dir) {
    }

    /** What a backup run made and removed. */
    public record Made(Listing backup, List<String> removed) {
    }

    /**
     * Takes a data backup into {@code dir}: a full one when {@code full} is asked, when the folder holds
     * none, when the newest is {@code backup.full-every-days} old or was taken at another schema version;
     * otherwise a differential against the newest full one (checked before it is relied on).
     */
    public Listing createData(Path dir, boolean full) {
        BackupKey key = BackupKey.loadOrCreate(config.backupKeyFile());
        Optional<BackupCatalog.Entry> base = full ? Optional.empty() : BackupCatalog.of(dir).newestFull()
                .filter(f -> f.createdAt().plus(Duration.ofDays(config.getInt("backup.full-every-days")))
                        .isAfter(clock.instant()));
        Path basePath = base.filter(b -> b.manifest().schemaVersion().equals(writer.schemaVersion())).map(b -> {
            BackupVerifier.checkFiles(b.dir(), Manifest.read(b.dir(), key));
            return b.dir();
        }).orElse(null);
        Manifest.Kind kind = basePath == null ? Manifest.Kind.FULL : Manifest.Kind.DIFFERENTIAL;
        return audited(kind, () -> writer.write(dir, key, kind, basePath, List.of()), dir);
    }

    /** Takes a log backup into {@code dir}: the audit log in full and the application's log files. */
    public Listing createLog(Path dir) {
        BackupKey key = BackupKey.loadOrCreate(config.backupKeyFile());
        return audited(Manifest.Kind.LOG, () -> writer.write(dir, key, Manifest.Kind.LOG, null, logFiles()), dir);
    }

    private Listing audited(Manifest.Kind kind, java.util.function.Supplier<Manifest> work, Path dir) {
        try {
            Manifest m = work.get();
            Listing made = listing(dir.resolve(m.id()), m);
            audit.append(new AuditLog.Entry(OPERATOR, null, AuditAction.BACKUP_CREATED, m.id(), AuditOutcome.SUCCESS,
                    null, kind + ", " + m.totalBytes() + " bytes, " + dir));
            LOG.info("backup {} ({}) written to {}: {} bytes", m.id(), kind, dir, m.totalBytes());
            // The audit chain is timestamped at each backup; a failing TSA is logged and audited, the backup stands.
            anchoring.anchorQuietly(AuditAnchoring.Reason.BACKUP, "backup=" + m.id());
            return made;
        } catch (RuntimeException e) {
            audit.append(new AuditLog.Entry(OPERATOR, null, AuditAction.BACKUP_FAILED, kind.name(), AuditOutcome.FAILURE,
                    null, String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /** The application's log files: those in the data folder's {@code logs} folder. */
    private List<Path> logFiles() {
        Path logs = config.dataDir().resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes what retention no longer keeps: data generations beyond {@code backup.generations} (never the
     * newest), log backups older than {@code backup.log-days} (never the newest), and folders of runs that
     * did not finish.
     */
    public List<String> prune(Path dir) {
        BackupCatalog catalog = BackupCatalog.of(dir);
        List<String> removed = new ArrayList<>();
        List<BackupCatalog.Generation> generations = catalog.generations();
        int keep = Math.max(1, config.getInt("backup.generations"));
        for (BackupCatalog.Generation g : generations.subList(Math.min(keep, generations.size()), generations.size())) {
            for (BackupCatalog.Entry e : g.all()) {
                remove(e, removed);
            }
        }
        List<BackupCatalog.Entry> logs = catalog.logBackups();
        Instant oldest = clock.instant().minus(Duration.ofDays(config.getInt("backup.log-days")));
        for (BackupCatalog.Entry e : logs.subList(0, Math.max(0, logs.size() - 1))) {
            if (e.createdAt().isBefore(oldest)) {
                remove(e, removed);
            }
        }
        removeUnfinished(dir);
        return removed;
    }

    private void remove(BackupCatalog.Entry e, List<String> removed) {
        BackupWriter.deleteTree(e.dir());
        removed.add(e.manifest().id());
        LOG.info("backup {} removed by retention", e.manifest().id());
    }

    private void removeUnfinished(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().endsWith(".partial")).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(dayAgo)) {
                    BackupWriter.deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The daily run: a data backup, a log backup and retention, into {@code backup.dir}. */
    public Made runDaily() {
        Path dir = config.backupDir();
        Listing data = createData(dir, false);
        createLog(dir);
        return new Made(data, prune(dir));
    }

    /** How old the newest data backup in {@code backup.dir} is, if there is one. */
    public Optional<Duration> newestDataBackupAge() {
        return BackupCatalog.of(config.backupDir()).newestDataAt(clock.instant())
                .map(e -> Duration.between(e.createdAt(), clock.instant()));
    }

    /** The backups in a folder, oldest first; the manifests are read without the key. */
    public static List<Listing> list(Path dir) {
        return BackupCatalog.of(dir).entries().stream().map(e -> listing(e.dir(), e.manifest())).toList();
    }

    /** Checks one backup folder completely with the key; throws BACKUP_DAMAGED naming the first bad part. */
    public static Listing verify(Path backup, Path keyFile) {
        return listing(backup, BackupVerifier.verify(backup, BackupKey.load(keyFile)));
    }

    /**
     * Restores into an empty target: generation {@code generation} (1 = the newest) or the newest backup at
     * or before {@code at} (its full one and, if it is a differential, that differential).
     */
    public static Restored restore(Path from, Path keyFile, Integer generation, Instant at, ServerConfig target,
            Clock clock) {
        BackupCatalog catalog = BackupCatalog.of(from);
        BackupCatalog.Entry chosen;
        if (generation != null) {
            List<BackupCatalog.Generation> gens = catalog.generations();
            if (generation < 1 || generation > gens.size()) {
                throw notFound(from);
            }
            BackupCatalog.Generation g = gens.get(generation - 1);
            chosen = g.differentials().stream().filter(d -> at == null || !d.createdAt().isAfter(at))
                    .reduce((a, b) -> b).orElse(g.full());
        } else {
            chosen = catalog.newestDataAt(at == null ? Instant.MAX : at).orElseThrow(() -> notFound(from));
        }
        BackupCatalog.Entry full = chosen.kind() == Manifest.Kind.FULL ? chosen
                : catalog.byId(chosen.manifest().base()).orElseThrow(() -> notFound(from));
        Restorer.Result r = new Restorer(clock).restore(full.dir(), chosen == full ? null : chosen.dir(),
                BackupKey.load(keyFile), target);
        return new Restored(listing(chosen.dir(), r.restored()), r.rows(), r.erasedCompanies());
    }

    /** What a restore brought back. */
    public record Restored(Listing backup, long rows, List<String> erasedCompanies) {
    }

    private static SiteSignException notFound(Path from) {
        return BackupMessage.NO_MATCHING_BACKUP.exception(from);
    }

    private static Listing listing(Path dir, Manifest m) {
        return new Listing(m.id(), m.kind().name(), m.createdAt(), m.base(), m.totalBytes(), dir);
    }
}
