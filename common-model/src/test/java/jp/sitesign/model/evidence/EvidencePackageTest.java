package jp.sitesign.model.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import org.junit.jupiter.api.Test;

/** The package's ZIP and manifest, and what the checker says of ZIPs that are no package at all. */
class EvidencePackageTest {

    @Test
    void aWrittenPackageReadsBackInOrderWithAManifestOfEveryEntry() throws IOException {
        Map<String, byte[]> entries = entries();

        Map<String, byte[]> read = EvidencePackage.read(EvidencePackage.write(entries));

        assertThat(read.keySet()).containsExactly("contract.pdf", "certificate.pdf", "report.json", "report-ja.txt",
                "report-en.txt", "manifest.json");
        EvidenceManifest manifest = EvidenceManifest.fromJson(read.get(EvidencePackage.MANIFEST));
        assertThat(manifest.entries()).extracting(EvidenceManifest.Entry::name).containsExactlyElementsOf(
                EvidencePackage.CONTENT);
        assertThat(manifest.entries()).allSatisfy(e -> {
            assertThat(e.sha256()).isEqualTo(Digests.sha256Hex(entries.get(e.name())));
            assertThat(e.bytes()).isEqualTo(entries.get(e.name()).length);
        });
    }

    @Test
    void aPackageHoldsExactlyItsEntries() {
        Map<String, byte[]> missing = entries();
        missing.remove(EvidencePackage.REPORT_EN);
        assertThatThrownBy(() -> EvidencePackage.write(missing)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void somethingThatIsNoZipIsNotRead() {
        assertThatThrownBy(() -> EvidencePackage.read("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theCheckerNamesEveryEntryOfAPackageWhoseCertificateIsNoPdf() {
        EvidenceCheck check = new EvidenceChecker(List.of(), Clock.systemUTC()).check(EvidencePackage.write(entries()));

        assertThat(check.consistent()).isFalse();
        assertThat(check.problems()).extracting(EvidenceCheck.Finding::entry).containsExactly("certificate.pdf");
        assertThat(check.confirmed()).extracting(EvidenceCheck.Finding::entry).containsExactly("manifest.json");
        assertThat(check.toText(Locale.ENGLISH)).contains("certificate.pdf: cannot be verified as a PDF",
                "Trust was not checked", "Result: the evidence package was altered (1 problem(s) above).");
        assertThat(check.toText(Locale.JAPANESE)).contains("結果: 証拠一式に改ざん・欠落があります（上記 1 件）。");
    }

    private static Map<String, byte[]> entries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : EvidencePackage.CONTENT) {
            entries.put(name, ("content of " + name).getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }
}
