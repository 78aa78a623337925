package jp.sitesign.desktop.signatures;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;

/**
 * Real signed PDFs for the panel's tests, made with common-model's fixtures: a test CA with OCSP on
 * loopback, a TSA on loopback, and two company signers in PKCS#12 files.
 */
final class SignedPdfs implements AutoCloseable {
    static final String PASSWORD = "panel-secret";
    static final String CA_NAME = "SiteSign Panel Test CA";

    final TestCa ca;
    final TestTsa tsa;
    private final Path alice;
    private final Path bob;
    private final PadesSigner signer = new PadesSigner(Clock.systemUTC());

    SignedPdfs(Path dir) {
        ca = TestCa.withRevocation(CA_NAME);
        tsa = TestTsa.start(ca);
        alice = signer(dir.resolve("alice.p12"), "alice", "Alice Yamada", "山田建設株式会社");
        bob = signer(dir.resolve("bob.p12"), "bob", "Bob Suzuki", "鈴木工務店");
    }

    private Path signer(Path file, String alias, String name, String company) {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate certificate = ca.issueCompanySigner(keys.getPublic(), name, company);
        return Pkcs12Files.write(file, keys, certificate, ca.root(), alias, PASSWORD);
    }

    List<X509Certificate> anchors() {
        return List.of(ca.root());
    }

    static byte[] unsigned() {
        return TestPdfs.multiPage(2);
    }

    /** Alice's signature with a signature timestamp (PAdES B-T). */
    byte[] aliceBt() throws Exception {
        return sign(TestPdfs.multiPage(2), alice, SignatureRequest.timestamped("alice", client()));
    }

    /** Alice's B-B signature, then a square annotation added on page 1 by an incremental update. */
    byte[] aliceThenAnnotated() throws Exception {
        byte[] signed = sign(TestPdfs.multiPage(1), alice, SignatureRequest.basic("alice"));
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDPage page = document.getPage(0);
            PDAnnotationSquare box = new PDAnnotationSquare();
            box.setRectangle(new PDRectangle(72, 600, 200, 40));
            List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
            annotations.add(box);
            page.setAnnotations(annotations);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    /** Alice (B-T), then Bob at B-LTA: two signatures and a document timestamp. */
    byte[] twoSignaturesAndADocumentTimestamp() throws Exception {
        byte[] once = sign(TestPdfs.multiPage(2), alice, SignatureRequest.timestamped("alice", client()));
        return sign(once, bob, SignatureRequest.at(SignatureLevel.B_LTA, "bob", client()));
    }

    private Rfc3161Client client() {
        return new Rfc3161Client(tsa.url());
    }

    private byte[] sign(byte[] pdf, Path keys, SignatureRequest request) throws Exception {
        return signer.sign(pdf, new Pkcs12KeySource(keys), what -> PASSWORD.toCharArray(), request);
    }

    @Override
    public void close() {
        tsa.close();
        ca.close();
    }
}
