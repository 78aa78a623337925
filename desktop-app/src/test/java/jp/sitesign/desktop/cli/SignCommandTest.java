package jp.sitesign.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.signature.testing.ExternalTools;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch signing command, end to end: real keys, real files, checked by pdfsig. */
class SignCommandTest {
    private static final String PASSWORD = "p12-secret";
    static TestCa ca;
    static TestTsa tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ca = TestCa.create("SiteSign CLI test CA");
        tsa = TestTsa.start(ca);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void signsEveryInputWithAPkcs12KeyAtBtAndLeavesTheInputsAlone() throws IOException {
        Path p12 = Pkcs12Files.write(dir.resolve("signer.p12"), ca, TestCa.rsaKeyPair(2048), "signer", "山田 太郎",
                PASSWORD);
        Path a = write("a.pdf", TestPdfs.multiPage(2));
        Path b = write("b.pdf", TestPdfs.multiPage(5));
        byte[] before = Files.readAllBytes(a);

        Result r = run(Map.of("P12_PASS", PASSWORD), "sign", "--in", a.toString(), "--in", b.toString(),
                "--out-dir", dir.resolve("out").toString(), "--pkcs12", p12.toString(), "--pass-env", "P12_PASS",
                "--key-alias", "signer", "--level", "B-T", "--tsa", tsa.url().toString(), "--jobs", "2");

        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("2 / 2 signed");
        assertThat(r.out.indexOf("a.pdf")).as("results in input order").isLessThan(r.out.indexOf("b.pdf"));
        assertThat(r.err).contains("progress 2 / 2 files");
        IndependentChecks.assertValid(dir.resolve("out/a.pdf"), 1);
        IndependentChecks.assertValid(dir.resolve("out/b.pdf"), 1);
        assertThat(Files.readAllBytes(a)).isEqualTo(before);
    }

    @Test
    void sixFilesOnThreeWorkersAreEachSignedAndReportedInInputOrderQuietly() throws IOException {
        Path p12 = Pkcs12Files.write(dir.resolve("signer.p12"), ca, TestCa.rsaKeyPair(2048), "signer", "山田 太郎",
                PASSWORD);
        List<String> args = new ArrayList<>(List.of("sign", "--out-dir", dir.resolve("out").toString(), "--pkcs12",
                p12.toString(), "--pass-env", "P12_PASS", "--jobs", "3", "--quiet", "--level", "B-T", "--tsa",
                tsa.url().toString()));
        for (int i = 0; i < 6; i++) {
            args.addAll(List.of("--in", write("f" + i + ".pdf", TestPdfs.multiPage(1 + i)).toString()));
        }

        Result r = run(Map.of("P12_PASS", PASSWORD), args.toArray(String[]::new));

        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.err).doesNotContain("progress");
        int last = -1;
        for (int i = 0; i < 6; i++) {
            int at = r.out.indexOf("f" + i + ".pdf");
            assertThat(at).as("f%d reported after f%d", i, i - 1).isGreaterThan(last);
            last = at;
            IndependentChecks.assertValid(dir.resolve("out/f" + i + ".pdf"), 1);
        }
    }

    @Test
    void signsWithASoftHsmTokenChosenByLabel() throws IOException {
        SoftHsmToken token = SoftHsmToken.shared();
        Path a = write("a.pdf", TestPdfs.multiPage(1));
        Result r = run(Map.of("TOKEN_PIN", SoftHsmToken.PIN), "sign", "--in", a.toString(), "--out-dir",
                dir.resolve("out").toString(), "--pkcs11", SoftHsmToken.MODULE.toString(), "--token-label",
                SoftHsmToken.LABEL, "--pin-env", "TOKEN_PIN", "--key-alias", SoftHsmToken.EC_ALIAS);
        assertThat(r.code).as(r.toString() + token).isZero();
        IndependentChecks.assertValid(dir.resolve("out/a.pdf"), 1);
    }

    @Test
    void aWrongPasswordFailsThatFileWithAClearMessageAndWritesNothing() throws IOException {
        Path p12 = Pkcs12Files.write(dir.resolve("signer.p12"), ca, TestCa.rsaKeyPair(2048), "signer", "山田 太郎",
                PASSWORD);
        Path a = write("a.pdf", TestPdfs.multiPage(1));
        Result r = run(Map.of("P12_PASS", "not-it"), "sign", "--in", a.toString(), "--out-dir",
                dir.resolve("out").toString(), "--pkcs12", p12.toString(), "--pass-env", "P12_PASS", "--key-alias",
                "signer");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("not signed").contains(a.toString());
        assertThat(dir.resolve("out/a.pdf")).doesNotExist();
    }

    @Test
    void withoutAnAliasTheOnlyKeySignsAndAnExpiredCertificateIsRefusedByName() throws IOException {
        Path p12 = Pkcs12Files.write(dir.resolve("signer.p12"), ca, TestCa.rsaKeyPair(2048), "signer", "山田 太郎",
                PASSWORD);
        KeyPair keys = TestCa.rsaKeyPair(2048);
        Instant now = Instant.now();
        Path old = Pkcs12Files.write(dir.resolve("old.p12"), keys, ca.issueSigner(keys.getPublic(), "期限切れ 署名者",
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))), ca.root(), "old", PASSWORD);
        Path a = write("a.pdf", TestPdfs.multiPage(1));

        Result onlyKey = run(Map.of("P12_PASS", PASSWORD), "sign", "--in", a.toString(), "--out-dir",
                dir.resolve("out").toString(), "--pkcs12", p12.toString(), "--pass-env", "P12_PASS");
        Result expired = run(Map.of("P12_PASS", PASSWORD), "sign", "--in", a.toString(), "--out-dir",
                dir.resolve("out-old").toString(), "--pkcs12", old.toString(), "--pass-env", "P12_PASS");

        assertThat(onlyKey.code).as(onlyKey.toString()).isZero();
        IndependentChecks.assertValid(dir.resolve("out/a.pdf"), 1);
        assertThat(expired.code).as(expired.toString()).isEqualTo(1);
        assertThat(expired.err).contains("有効期間外", "is not valid now", "期限切れ 署名者");
        assertThat(dir.resolve("out-old/a.pdf")).doesNotExist();
    }

    @Test
    void theSealIsPlacedWhereAskedWithTheCertificatesNameAndCompany() throws IOException {
        Path p12 = Pkcs12Files.write(dir.resolve("signer.p12"), ca, TestCa.rsaKeyPair(2048), "signer", "山田 太郎",
                PASSWORD);
        Path a = write("a.pdf", TestPdfs.multiPage(2));

        Result r = run(Map.of("P12_PASS", PASSWORD), "sign", "--in", a.toString(), "--out-dir",
                dir.resolve("out").toString(), "--pkcs12", p12.toString(), "--pass-env", "P12_PASS",
                "--seal-page", "2", "--seal-at", "300,80");
        Result half = run(Map.of("P12_PASS", PASSWORD), "sign", "--in", a.toString(), "--out-dir",
                dir.resolve("out-half").toString(), "--pkcs12", p12.toString(), "--pass-env", "P12_PASS",
                "--seal-page", "2");

        assertThat(r.code).as(r.toString()).isZero();
        Path signed = dir.resolve("out/a.pdf");
        IndependentChecks.assertValid(signed, 1);
        String page2 = ExternalTools.runOk(List.of("pdftotext", "-f", "2", "-l", "2", signed.toString(), "-"),
                Map.of());
        assertThat(page2).contains("山田 太郎", "SiteSign Test");
        try (PDDocument doc = Loader.loadPDF(signed.toFile())) {
            PDSignatureField field = (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getFields().get(0);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            assertThat(doc.getPages().indexOf(widget.getPage())).isEqualTo(1);
            assertThat(widget.getRectangle().getLowerLeftX()).isEqualTo(300f);
            assertThat(widget.getRectangle().getLowerLeftY()).isEqualTo(80f);
        }
        assertThat(half.code).isEqualTo(2);
        assertThat(half.err).contains("--seal-at");
    }

    @Test
    void usageMistakesAreNamedBeforeAnythingIsSigned() throws IOException {
        Path a = write("a.pdf", TestPdfs.multiPage(1));
        List<String> common = List.of("sign", "--in", a.toString(), "--out-dir", dir.resolve("out").toString(),
                "--pkcs12", dir.resolve("x.p12").toString(), "--pass-env", "P12_PASS", "--key-alias", "k");
        Result unsetVariable = run(Map.of(), common.toArray(String[]::new));
        assertThat(unsetVariable.code).isEqualTo(2);
        assertThat(unsetVariable.err).contains("P12_PASS");

        List<String> bt = new ArrayList<>(common);
        bt.addAll(List.of("--level", "B-T"));
        Result noTsa = run(Map.of("P12_PASS", "x"), bt.toArray(String[]::new));
        assertThat(noTsa.code).isEqualTo(2);
        assertThat(noTsa.err).contains("--tsa");

        List<String> bogus = new ArrayList<>(common);
        bogus.addAll(List.of("--level", "B-Z"));
        assertThat(run(Map.of("P12_PASS", "x"), bogus.toArray(String[]::new)).code).isEqualTo(2);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void verifyReportsASignedFileValidOnlyAgainstItsAnchorAndATamperedOneInvalid() throws IOException {
        Path p12 = Pkcs12Files.write(dir.resolve("signer.p12"), ca, TestCa.rsaKeyPair(2048), "signer", "山田 太郎",
                PASSWORD);
        Path a = write("a.pdf", TestPdfs.multiPage(2));
        assertThat(run(Map.of("P12_PASS", PASSWORD), "sign", "--in", a.toString(), "--out-dir",
                dir.resolve("out").toString(), "--pkcs12", p12.toString(), "--pass-env", "P12_PASS", "--key-alias",
                "signer", "--level", "B-T", "--tsa", tsa.url().toString()).code).isZero();
        Path signed = dir.resolve("out/a.pdf");
        Path anchor = TestCa.writePem(dir.resolve("root.pem"), ca.root());

        Result trusted = run(Map.of(), "verify", signed.toString(), "--trust", anchor.toString());
        assertThat(trusted.code).as(trusted.toString()).isZero();
        assertThat(trusted.out).contains("署名 1");
        Result json = run(Map.of(), "verify", signed.toString(), "--trust", anchor.toString(), "--json");
        assertThat(json.out.strip()).startsWith("{").contains("+09:00");
        Result untrusted = run(Map.of(), "verify", signed.toString());
        assertThat(untrusted.code).as("intact but no trust anchor").isEqualTo(1);

        byte[] bytes = java.nio.file.Files.readAllBytes(signed);
        bytes[200] ^= 0x01;
        Path tampered = java.nio.file.Files.write(dir.resolve("tampered.pdf"), bytes);
        assertThat(run(Map.of(), "verify", tampered.toString(), "--trust", anchor.toString()).code).isEqualTo(1);
        assertThat(run(Map.of(), "verify", dir.resolve("missing.pdf").toString()).code).isEqualTo(2);
    }

    private Path write(String name, byte[] pdf) throws IOException {
        return Files.write(dir.resolve(name), pdf);
    }

    private static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DesktopCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + err;
        }
    }
}
