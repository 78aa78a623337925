package jp.sitesign.model.signature.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.sitesign.model.signature.PadesExtender;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.ltv.RevocationFetcher;
import jp.sitesign.model.signature.testing.SoftHsmToken;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs11KeySource;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.signature.verify.PadesVerifier;

/**
 * Benchmark (not a test; run by bench/sign.sh): signing a 20-page PDF at B-T with the SoftHSM RSA key
 * and the loopback TSA, warm, median of N; and the share of that spent outside the key operation and
 * the timestamp round trip. Also writes 100 PDFs for the CLI batch run.
 */
public final class SignBench {
    private SignBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path out = Path.of(args.length > 1 ? args[1] : "target/sign-bench");
        Files.createDirectories(out);
        SoftHsmToken token = SoftHsmToken.shared();
        try (TestTsa tsa = TestTsa.start(token.ca())) {
            Pkcs11KeySource key = Pkcs11Module.forLibrary(SoftHsmToken.MODULE).token(SoftHsmToken.LABEL);
            PinCallback pin = what -> SoftHsmToken.PIN.toCharArray();
            PadesSigner signer = new PadesSigner(Clock.systemUTC());
            byte[] pdf = padded(TestPdfs.multiPage(20), 1024 * 1024);
            SignatureRequest bt = SignatureRequest.timestamped(SoftHsmToken.RSA_ALIAS, new Rfc3161Client(tsa.url()));
            SignatureRequest bb = SignatureRequest.basic(SoftHsmToken.RSA_ALIAS);
            for (int i = 0; i < 10; i++) {
                signer.sign(pdf, key, pin, bt);
            }
            List<Long> btTimes = time(runs, () -> signer.sign(pdf, key, pin, bt));
            List<Long> bbTimes = time(runs, () -> signer.sign(pdf, key, pin, bb));
            System.out.printf("pdf: 20 pages, %,d bytes%n", pdf.length);
            System.out.printf("B-T  median %.1f ms  (p90 %.1f ms) over %d runs%n", median(btTimes), p90(btTimes), runs);
            System.out.printf("B-B  median %.1f ms  (p90 %.1f ms) over %d runs%n", median(bbTimes), p90(bbTimes), runs);
            byte[] twice = signer.sign(signer.sign(pdf, key, pin, bt), key, pin,
                    SignatureRequest.timestamped(SoftHsmToken.EC_ALIAS, new Rfc3161Client(tsa.url())));
            PadesExtender extender = new PadesExtender(new RevocationFetcher(), new Rfc3161Client(tsa.url()),
                    Clock.systemUTC());
            byte[] lta = extender.addArchiveTimestamp(extender.addValidationData(twice));
            PadesVerifier verifier = new PadesVerifier(List.of(token.ca().root()), Clock.systemUTC());
            if (!verifier.verify(lta).allValid()) {
                throw new IllegalStateException("the benchmark document does not verify");
            }
            for (int i = 0; i < 10; i++) {
                verifier.verify(lta);
            }
            List<Long> verifyTimes = time(runs, () -> verifier.verify(lta));
            System.out.printf("verify 2 signatures + document timestamp (B-LTA, %,d bytes): median %.1f ms"
                    + " (p90 %.1f ms)%n", lta.length, median(verifyTimes), p90(verifyTimes));
            for (int i = 0; i < 100; i++) {
                Files.write(out.resolve(String.format("contract-%03d.pdf", i)), pdf);
            }
            System.out.println("batch input: " + out.toAbsolutePath() + " (100 PDFs)");
            System.out.println("TSA: " + tsa.url());
            if (args.length > 2) {
                System.out.println("waiting for the CLI batch; press Enter to stop the TSA");
                System.in.read();
            }
        }
    }

    /** The 20-page PDF grown to about {@code size} bytes with an incompressible stream, as scanned drawings are. */
    private static byte[] padded(byte[] pdf, int size) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            byte[] noise = new byte[size];
            new java.util.Random(42).nextBytes(noise);
            org.apache.pdfbox.cos.COSStream stream = doc.getDocument().createCOSStream();
            try (java.io.OutputStream os = stream.createRawOutputStream()) {
                os.write(noise);
            }
            doc.getDocumentCatalog().getCOSObject().setItem(org.apache.pdfbox.cos.COSName.getPDFName("BenchPadding"),
                    stream);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static List<Long> time(int runs, Work work) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run();
            nanos.add(System.nanoTime() - t0);
        }
        Collections.sort(nanos);
        return nanos;
    }

    private static double median(List<Long> sorted) {
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static double p90(List<Long> sorted) {
        return sorted.get((int) (sorted.size() * 0.9)) / 1e6;
    }
}
