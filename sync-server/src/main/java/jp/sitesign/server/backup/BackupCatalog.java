package jp.sitesign.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backups in one folder, read from their manifests (no key needed), grouped into generations: a
 * generation is one full backup and the differentials made from it (DESIGN §8).
 */
final class BackupCatalog {
    private final Path root;
    private final List<Entry> entries;

    private BackupCatalog(Path root, List<Entry> entries) {
        this.root = root;
        this.entries = entries;
    }

    /** One backup: its folder and manifest. */
    record Entry(Path dir, Manifest manifest) {
        Instant createdAt() {
            return manifest.createdAt();
        }

        Manifest.Kind kind() {
            return manifest.kind();
        }
    }

    /** A full backup and its differentials, oldest first. */
    record Generation(Entry full, List<Entry> differentials) {
        List<Entry> all() {
            List<Entry> out = new ArrayList<>();
            out.add(full);
            out.addAll(differentials);
            return out;
        }
    }

    static BackupCatalog of(Path root) {
        List<Entry> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path d : dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                        .toList()) {
                    if (Files.isRegularFile(d.resolve(Manifest.FILE))) {
                        try {
                            found.add(new Entry(d, Manifest.peek(d)));
                        } catch (IOException unreadable) {
                            // not a backup of ours (or a damaged one: verify names it); listing skips it
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        found.sort(Comparator.comparing(Entry::createdAt).thenComparing(e -> e.manifest().id()));
        return new BackupCatalog(root, List.copyOf(found));
    }

    Path root() {
        return root;
    }

    /** Every backup, oldest first. */
    List<Entry> entries() {
        return entries;
    }

    /** The generations, newest first. */
    List<Generation> generations() {
        List<Generation> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() == Manifest.Kind.FULL) {
                out.add(new Generation(e, entries.stream().filter(d -> d.kind() == Manifest.Kind.DIFFERENTIAL
                        && e.manifest().id().equals(d.manifest().base())).toList()));
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    Optional<Entry> newestFull() {
        return generations().stream().findFirst().map(Generation::full);
    }

    List<Entry> logBackups() {
        return entries.stream().filter(e -> e.kind() == Manifest.Kind.LOG).toList();
    }

    /** The newest data backup (full or differential) made at or before {@code at}. */
    Optional<Entry> newestDataAt(Instant at) {
        return entries.stream().filter(e -> e.kind() != Manifest.Kind.LOG).filter(e -> !e.createdAt().isAfter(at))
                .reduce((a, b) -> b);
    }

    Optional<Entry> byId(String id) {
        return entries.stream().filter(e -> e.manifest().id().equals(id)).findFirst();
    }
}
