package jp.sitesign.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.sitesign.model.crypto.Aead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key ring's files: a rotation keeps every purpose value (the H2 file, keystores and indexes stay
 * openable) while the company-key wrapping key changes, and a process killed between any two file steps leaves
 * a folder that loads as either the old or the new ring.
 */
class MasterKeyRingTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void rotationChangesTheWrappingKeyButKeepsEveryPurposeValue() {
        MasterKeyRing first = MasterKeyRing.load(dir);
        MasterKey old = first.current();
        MasterKeyRing rotated = first.rotate(Aead.newKey().getEncoded(), NOW);

        assertThat(rotated.current().id()).isNotEqualTo(old.id());
        assertThat(rotated.previous().orElseThrow().id()).isEqualTo(old.id());
        assertThat(rotated.current().keyEncryptionKey().getEncoded()).isNotEqualTo(old.keyEncryptionKey().getEncoded());
        for (String purpose : MasterKey.PURPOSES) {
            assertThat(rotated.current().derive(purpose)).as(purpose).isEqualTo(old.derive(purpose));
        }
        MasterKeyRing reloaded = MasterKeyRing.load(dir);
        assertThat(reloaded.current().id()).isEqualTo(rotated.current().id());
        assertThat(reloaded.previous().orElseThrow().id()).isEqualTo(old.id());
        assertThat(reloaded.rotatedAt()).contains(NOW);

        MasterKeyRing retired = reloaded.retire();
        assertThat(retired.previous()).isEmpty();
        assertThat(dir.resolve(MasterKeyRing.PREVIOUS)).doesNotExist();
        MasterKeyRing afterRetire = MasterKeyRing.load(dir);
        assertThat(afterRetire.previous()).isEmpty();
        assertThat(afterRetire.current().derive("h2-file")).isEqualTo(old.derive("h2-file"));
    }

    @Test
    void aSecondRotationWaitsForTheRetirementOfTheFirstsKey() {
        MasterKeyRing rotated = MasterKeyRing.load(dir).rotate(Aead.newKey().getEncoded(), NOW);
        assertThatThrownBy(() -> rotated.rotate(Aead.newKey().getEncoded(), NOW)).hasMessageContaining("retire");
        MasterKeyRing again = rotated.retire().rotate(Aead.newKey().getEncoded(), NOW);
        assertThat(again.current().derive("audit-head")).isEqualTo(rotated.current().derive("audit-head"));
    }

    @Test
    void killedAfterTheNewKeyAndPurposesWereWrittenTheNextLoadFinishesTheSwitch(@TempDir Path after)
            throws IOException {
        MasterKeyRing before = MasterKeyRing.load(dir);
        copy(dir, after);
        MasterKeyRing rotated = MasterKeyRing.load(after).rotate(Aead.newKey().getEncoded(), NOW);
        // The state between writePurposes and the switch: the new key as master.next.key, the purposes sealed by it.
        Files.copy(after.resolve(MasterKey.FILE_NAME), dir.resolve(MasterKeyRing.NEXT));
        Files.copy(after.resolve(MasterKeyRing.PURPOSES), dir.resolve(MasterKeyRing.PURPOSES));

        MasterKeyRing loaded = MasterKeyRing.load(dir);
        assertThat(loaded.current().id()).isEqualTo(rotated.current().id());
        assertThat(loaded.previous().orElseThrow().id()).isEqualTo(before.current().id());
        assertThat(dir.resolve(MasterKeyRing.NEXT)).doesNotExist();
    }

    @Test
    void killedBeforeThePurposesWereSealedUnderTheNewKeyTheNextLoadDropsIt() throws IOException {
        MasterKeyRing before = MasterKeyRing.load(dir);
        Files.writeString(dir.resolve(MasterKeyRing.NEXT),
                java.util.Base64.getEncoder().encodeToString(Aead.newKey().getEncoded()));

        MasterKeyRing loaded = MasterKeyRing.load(dir);
        assertThat(loaded.current().id()).isEqualTo(before.current().id());
        assertThat(loaded.previous()).isEmpty();
        assertThat(dir.resolve(MasterKeyRing.NEXT)).doesNotExist();
    }

    @Test
    void aMissingMasterKeyIsNotReplacedWhenTheFolderHadOne() throws IOException {
        MasterKeyRing.load(dir).rotate(Aead.newKey().getEncoded(), NOW);
        Files.delete(dir.resolve(MasterKey.FILE_NAME));
        assertThatThrownBy(() -> MasterKeyRing.load(dir)).hasMessageContaining("put back the copy of master.key");
    }

    @Test
    void keyIdsNameKeysWithoutRevealingThem() {
        MasterKey key = MasterKeyRing.load(dir).current();
        assertThat(key.id()).hasSize(16).matches("[0-9a-f]+");
        assertThat(MasterKeyRing.load(dir).current().id()).isEqualTo(key.id());
        assertThat(java.util.HexFormat.of().formatHex(key.encoded())).doesNotContain(key.id());
    }

    /** A purpose the code derives but the list does not name would change at the first rotation. */
    @Test
    void everyPurposeTheServerDerivesIsKeptByARotation() throws IOException {
        Pattern use = Pattern.compile("derive(?:Password)?\\(\"([a-z0-9-]+)\"\\)");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(MasterKey.PURPOSES).containsAll(used);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

}
