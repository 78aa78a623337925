package jp.sitesign.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import jp.sitesign.model.signature.testing.DssAppender;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.ShadowUpdates;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify command on long-term signatures: what the embedded OCSP/CRL data says decides the exit code. */
class VerifyCommandTest {
    private static final String PASSWORD = "p12-secret";
    static TestCa ca;
    static TestTsa tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ca = TestCa.withRevocation("SiteSign CLI revocation CA");
        tsa = TestTsa.start(ca);
    }

    @AfterAll
    static void stop() {
        tsa.close();
        ca.close();
    }

    @Test
    void aLongTermSignatureIsValidAndASignerRevokedBeforeSigningIsInvalidNamingTheRevocation() throws Exception {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate good = ca.issueSigner(keys.getPublic(), "Good Signer");
        Path goodP12 = Pkcs12Files.write(dir.resolve("good.p12"), keys, good, ca.root(), "signer", PASSWORD);
        KeyPair revokedKeys = TestCa.rsaKeyPair(2048);
        X509Certificate revoked = ca.issueSigner(revokedKeys.getPublic(), "Revoked Signer");
        Path revokedP12 = Pkcs12Files.write(dir.resolve("revoked.p12"), revokedKeys, revoked, ca.root(), "signer",
                PASSWORD);
        Path anchor = TestCa.writePem(dir.resolve("root.pem"), ca.root());

        Path longTerm = sign(goodP12, "B-LT", "lt");
        Result valid = run("verify", longTerm.toString(), "--trust", anchor.toString());
        assertThat(valid.code).as(valid.toString()).isZero();
        assertThat(valid.out).contains("失効確認 Good Signer: 失効していません");

        ca.revoke(revoked, Instant.now().minus(Duration.ofMinutes(30)));
        Path timestamped = sign(revokedP12, "B-T", "bt");
        Path withOcsp = Files.write(dir.resolve("revoked.pdf"),
                DssAppender.ocspResponses(Files.readAllBytes(timestamped), ca.revocation().ocspResponse(revoked)));
        Result invalid = run("verify", withOcsp.toString(), "--trust", anchor.toString(), "--lang", "en");
        assertThat(invalid.code).as(invalid.toString()).isEqualTo(1);
        assertThat(invalid.out).contains("Revocation of Revoked Signer: REVOKED on", "reason: key compromise",
                "Overall: INVALID");
        Result json = run("verify", withOcsp.toString(), "--trust", anchor.toString(), "--json");
        assertThat(json.code).isEqualTo(1);
        assertThat(json.out).contains("\"status\" : \"REVOKED\"", "\"reason\" : \"KEY_COMPROMISE\"");
    }

    @Test
    void anObjectAppendedAfterTheSignatureMakesTheDocumentInvalidNotAnAllowedAddition() throws Exception {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate signer = ca.issueSigner(keys.getPublic(), "Careful Signer");
        Path p12 = Pkcs12Files.write(dir.resolve("careful.p12"), keys, signer, ca.root(), "signer", PASSWORD);
        Path anchor = TestCa.writePem(dir.resolve("root.pem"), ca.root());
        Path signed = sign(p12, "B-T", "appended");
        Path appended = Files.write(dir.resolve("appended-after-eof.pdf"), ShadowUpdates.appended(
                Files.readAllBytes(signed), "\n4 0 obj\n(Contract amount: 99,999,999 yen)\nendobj\n"));

        assertThat(run("verify", signed.toString(), "--trust", anchor.toString()).code).isZero();
        Result result = run("verify", appended.toString(), "--trust", anchor.toString(), "--lang", "en");

        assertThat(result.code).as(result.toString()).isEqualTo(1);
        assertThat(result.out).contains("data no signature covers was added after the last signature", "(NOT allowed)",
                "Overall: INVALID");
    }

    private Path sign(Path p12, String level, String outDir) throws Exception {
        Path in = Files.write(dir.resolve(outDir + ".pdf"), TestPdfs.multiPage(1));
        Result signed = run(Map.of("P12_PASS", PASSWORD), "sign", "--in", in.toString(), "--out-dir",
                dir.resolve(outDir).toString(), "--pkcs12", p12.toString(), "--pass-env", "P12_PASS", "--key-alias",
                "signer", "--level", level, "--tsa", tsa.url().toString());
        assertThat(signed.code).as(signed.toString()).isZero();
        return dir.resolve(outDir).resolve(outDir + ".pdf");
    }

    private static Result run(String... args) {
        return run(Map.of(), args);
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
