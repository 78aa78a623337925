package jp.sitesign.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.sitesign.desktop.contracts.EvidenceServer;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.evidence.EvidenceManifest;
import jp.sitesign.model.evidence.EvidencePackage;
import jp.sitesign.model.evidence.EvidenceStatement;
import jp.sitesign.model.signature.testing.TestPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-evidence} on a package a real server made: consistent as downloaded (exit 0); each kind of
 * alteration — a byte of the contract PDF, the certificate replaced or edited, a report edited, an entry removed,
 * with or without a matching manifest — is exit 1 naming the entry; a usage mistake is exit 2.
 */
class VerifyEvidenceCommandIT {
    static EvidenceServer fx;
    static byte[] original;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        fx = EvidenceServer.start();
        original = fx.evidence(fx.receiverToken, fx.completedId);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void thePackageAsDownloadedIsConsistent_withTheCasTrusted_andWithoutSayingTrustWasNotChecked() throws Exception {
        Result trusted = run("verify-evidence", write("evidence.zip", original).toString(), "--trust",
                fx.trustFile(dir).toString());
        assertThat(trusted.code).as(trusted.toString()).isZero();
        assertThat(trusted.out).contains("OK  contract.pdf", "OK  certificate.pdf", "OK  report.json",
                "結果: 証拠一式は整合しています", "Result: the evidence package is consistent")
                .doesNotContain("Trust was not checked");

        Result untrusted = run("verify-evidence", write("evidence.zip", original).toString(), "--lang", "en");
        assertThat(untrusted.code).as(untrusted.toString()).isZero();
        assertThat(untrusted.out).contains("Trust was not checked").doesNotContain("結果");
    }

    @Test
    void aByteFlippedInTheContractPdfIsNamed_withTheOldManifestOrANewOne() throws Exception {
        Map<String, byte[]> entries = EvidencePackage.read(original);
        byte[] pdf = entries.get(EvidencePackage.CONTRACT_PDF).clone();
        pdf[pdf.length / 3] ^= 0x01;
        entries.put(EvidencePackage.CONTRACT_PDF, pdf);

        assertAltered(zip(entries), "contract.pdf", "目録の SHA-256 と一致しません");
        assertAltered(zipWithManifest(entries), "contract.pdf", "is not the document the certificate names");
    }

    @Test
    void theCertificateReplacedOrEditedIsNamed() throws Exception {
        Map<String, byte[]> replaced = EvidencePackage.read(original);
        replaced.put(EvidencePackage.CERTIFICATE_PDF, TestPdfs.multiPage(1));
        assertAltered(zipWithManifest(replaced), "certificate.pdf", "carries no seal");

        Map<String, byte[]> edited = EvidencePackage.read(original);
        edited.put(EvidencePackage.CERTIFICATE_PDF, retitled(edited.get(EvidencePackage.CERTIFICATE_PDF)));
        assertAltered(zipWithManifest(edited), "certificate.pdf", "followed by a change that is not allowed");

        Map<String, byte[]> flipped = EvidencePackage.read(original);
        byte[] cert = flipped.get(EvidencePackage.CERTIFICATE_PDF).clone();
        cert[200] ^= 0x01;
        flipped.put(EvidencePackage.CERTIFICATE_PDF, cert);
        assertAltered(zipWithManifest(flipped), "certificate.pdf", "certificate.pdf");
    }

    @Test
    void anEditedReportIsNamed() throws Exception {
        Map<String, byte[]> entries = EvidencePackage.read(original);
        String json = new String(entries.get(EvidencePackage.REPORT_JSON), StandardCharsets.UTF_8);
        assertThat(json).contains("\"allValid\" : true");
        entries.put(EvidencePackage.REPORT_JSON,
                json.replace("\"allValid\" : true", "\"allValid\" : false").getBytes(StandardCharsets.UTF_8));
        entries.put(EvidencePackage.REPORT_EN, "Overall: VALID, trust us\n".getBytes(StandardCharsets.UTF_8));

        Result r = assertAltered(zipWithManifest(entries), "report.json",
                "does not match the SHA-256 the certificate states");
        assertThat(r.out).contains("report-en.txt: does not match the SHA-256 the certificate states")
                .doesNotContain("report-ja.txt: does not match");
    }

    @Test
    void aRemovedEntryIsNamed_asIsAnAddedOne() throws Exception {
        Map<String, byte[]> entries = EvidencePackage.read(original);
        entries.remove(EvidencePackage.REPORT_JA);
        assertAltered(zip(entries), "report-ja.txt", "removed");

        Map<String, byte[]> noManifest = EvidencePackage.read(original);
        noManifest.remove(EvidencePackage.MANIFEST);
        assertAltered(zip(noManifest), "manifest.json", "is missing (removed)");

        Map<String, byte[]> noContract = EvidencePackage.read(original);
        noContract.remove(EvidencePackage.CONTRACT_PDF);
        assertAltered(zipWithManifest(noContract), "contract.pdf", "is missing (removed)");

        Map<String, byte[]> added = EvidencePackage.read(original);
        added.put("extra.pdf", TestPdfs.multiPage(1));
        assertAltered(zip(added), "extra.pdf", "is not in the manifest (added)");
    }

    @Test
    void usageMistakesAreExit2() throws Exception {
        assertThat(run("verify-evidence").code).isEqualTo(2);
        Result missing = run("verify-evidence", dir.resolve("nowhere.zip").toString());
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).contains("cannot read the file");
        Result badTrust = run("verify-evidence", write("e.zip", original).toString(), "--trust",
                write("not.pem", "nothing".getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(badTrust.code).isEqualTo(2);
        assertThat(badTrust.err).contains("信頼する CA 証明書を読み込めません", "cannot read the trust anchor");
        Result notZip = run("verify-evidence", write("x.zip", TestPdfs.multiPage(1)).toString());
        assertThat(notZip.code).as("a file that is not a package is not consistent").isEqualTo(1);
    }

    private Result assertAltered(byte[] zip, String entry, String what) throws IOException {
        Result r = run("verify-evidence", write("altered.zip", zip).toString(), "--trust",
                fx.trustFile(dir).toString());
        assertThat(r.code).as(r.toString()).isEqualTo(1);
        assertThat(r.out).as(r.toString()).contains(entry + ": ").contains(what)
                .contains("結果: 証拠一式に改ざん・欠落があります", "Result: the evidence package was altered");
        return r;
    }

    /** The certificate with its title changed in an incremental update after the seal and its timestamp. */
    private static byte[] retitled(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            doc.getDocumentInformation().setTitle("締結証明書（書き換え）");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            byte[] edited = out.toByteArray();
            assertThat(EvidenceStatement.readFrom(edited)).isPresent();
            return edited;
        }
    }

    private static byte[] zipWithManifest(Map<String, byte[]> entries) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>(entries);
        out.remove(EvidencePackage.MANIFEST);
        List<EvidenceManifest.Entry> listed = new ArrayList<>();
        out.forEach((name, content) -> listed.add(new EvidenceManifest.Entry(name, Digests.sha256Hex(content),
                content.length)));
        out.put(EvidencePackage.MANIFEST, new EvidenceManifest(EvidenceStatement.FORMAT, listed).toJson());
        return zip(out);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DesktopCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + err;
        }
    }
}
