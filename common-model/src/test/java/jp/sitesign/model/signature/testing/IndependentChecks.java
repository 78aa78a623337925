package jp.sitesign.model.signature.testing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks signed PDFs with tools nobody on this project wrote: poppler's {@code pdfsig}, {@code qpdf}
 * and {@code openssl ts}. The PDF is written to a file in the given directory first.
 */
public final class IndependentChecks {
    private static final Pattern VALIDATION = Pattern.compile("Signature Validation: (.*)");

    private IndependentChecks() {
    }

    /** What pdfsig says about each signature, in order ("Signature is Valid.", "Digest Mismatch.", …). */
    public static List<String> pdfsigVerdicts(Path pdf) {
        String output = ExternalTools.run(List.of("pdfsig", pdf.toString())).output();
        List<String> verdicts = new ArrayList<>();
        Matcher matcher = VALIDATION.matcher(output);
        while (matcher.find()) {
            verdicts.add(matcher.group(1).trim());
        }
        return verdicts;
    }

    /** pdfsig finds exactly {@code count} signatures and says each is valid; qpdf finds no error. */
    public static void assertValid(Path pdf, int count) {
        assertThat(pdfsigVerdicts(pdf)).as("pdfsig verdicts for %s", pdf)
                .hasSize(count).allMatch("Signature is Valid."::equals);
        ExternalTools.Result qpdf = ExternalTools.run(List.of("qpdf", "--check", pdf.toString()));
        assertThat(qpdf.exitCode()).as("qpdf --check:%n%s", qpdf.output()).isZero();
        assertThat(qpdf.output()).contains("No syntax or stream encoding errors found");
    }

    /**
     * A document with {@code signatures} CAdES signatures and at least one document timestamp:
     * pdfsig finds every one and says each signature is valid; poppler cannot check RFC 3161
     * document timestamps ("Signature has not yet been verified."), so each of those must verify
     * with {@code openssl ts -verify -data} over its byte range instead. qpdf finds no error.
     */
    public static void assertValidWithDocumentTimestamps(Path pdf, int signatures, int documentTimestamps, Path dir,
                                                         X509Certificate... tsaChain) throws IOException {
        List<Integer> timestamps = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            List<PDSignature> all = document.getSignatureDictionaries();
            for (int i = 0; i < all.size(); i++) {
                if ("ETSI.RFC3161".equals(all.get(i).getSubFilter())) {
                    timestamps.add(i);
                }
            }
        }
        assertThat(timestamps).as("document timestamps").hasSize(documentTimestamps);
        List<String> verdicts = pdfsigVerdicts(pdf);
        assertThat(verdicts).as("pdfsig verdicts for %s", pdf).hasSize(signatures + documentTimestamps);
        for (int i = 0; i < verdicts.size(); i++) {
            assertThat(verdicts.get(i)).as("pdfsig verdict #%d", i + 1).isEqualTo(timestamps.contains(i)
                    ? "Signature has not yet been verified." : "Signature is Valid.");
        }
        for (int index : timestamps) {
            assertThat(verifyDocumentTimestampWithOpenssl(pdf, index, dir, tsaChain)).contains("Verification: OK");
        }
        ExternalTools.Result qpdf = ExternalTools.run(List.of("qpdf", "--check", pdf.toString()));
        assertThat(qpdf.exitCode()).as("qpdf --check:%n%s", qpdf.output()).isZero();
    }

    /**
     * Extracts the signature timestamp of signature {@code index} and verifies it with
     * {@code openssl ts -verify} against the SHA-256 of the signature value and the TSA chain.
     *
     * @return openssl's output
     */
    public static String verifyTimestampWithOpenssl(Path pdf, int index, Path dir, X509Certificate... tsaChain)
            throws IOException {
        SignerInformation signer = signer(signatureContents(Files.readAllBytes(pdf)).get(index));
        Attribute stamp = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        assertThat(stamp).as("signature-time-stamp attribute").isNotNull();
        Path token = Files.write(dir.resolve("tst-" + index + ".der"),
                stamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded("DER"));
        Path caFile = TestCa.writePem(dir.resolve("tsa-chain.pem"), tsaChain);
        String digest = HexFormat.of().formatHex(sha256(signer.getSignature()));
        return ExternalTools.runOk(List.of("openssl", "ts", "-verify", "-digest", digest, "-token_in",
                "-in", token.toString(), "-CAfile", caFile.toString()), java.util.Map.of());
    }

    /**
     * Verifies document timestamp {@code index} (counting all signature dictionaries) with
     * {@code openssl ts -verify -data}: the bytes its {@code /ByteRange} covers, against its token
     * and the TSA chain.
     *
     * @return openssl's output
     */
    public static String verifyDocumentTimestampWithOpenssl(Path pdf, int index, Path dir, X509Certificate... tsaChain)
            throws IOException {
        ExternalTools.Result result = opensslDocumentTimestampCheck(pdf, index, dir, tsaChain);
        assertThat(result.exitCode()).as("openssl ts -verify:%n%s", result.output()).isZero();
        return result.output();
    }

    /** As {@link #verifyDocumentTimestampWithOpenssl}, returning openssl's verdict whatever it is. */
    public static ExternalTools.Result opensslDocumentTimestampCheck(Path pdf, int index, Path dir,
                                                                     X509Certificate... tsaChain) throws IOException {
        byte[] bytes = Files.readAllBytes(pdf);
        int[] range;
        byte[] contents;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            PDSignature signature = document.getSignatureDictionaries().get(index);
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.RFC3161");
            assertThat(signature.getCOSObject().getNameAsString(org.apache.pdfbox.cos.COSName.TYPE)).isEqualTo("DocTimeStamp");
            range = signature.getByteRange();
            contents = signature.getContents();
        }
        java.io.ByteArrayOutputStream covered = new java.io.ByteArrayOutputStream();
        covered.write(bytes, range[0], range[1]);
        covered.write(bytes, range[2], range[3]);
        Path data = Files.write(dir.resolve("doc-ts-data-" + index + ".bin"), covered.toByteArray());
        Path token = Files.write(dir.resolve("doc-ts-" + index + ".der"), signedData(contents).getEncoded("DER"));
        Path caFile = TestCa.writePem(dir.resolve("doc-ts-chain.pem"), tsaChain);
        return ExternalTools.run(List.of("openssl", "ts", "-verify", "-data", data.toString(), "-token_in",
                "-in", token.toString(), "-CAfile", caFile.toString()));
    }

    /** The raw {@code /Contents} of every signature (with PDFBox: plumbing, not judgement). */
    public static List<byte[]> signatureContents(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<byte[]> contents = new ArrayList<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                contents.add(signature.getContents(pdf));
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single signer of a CMS taken from {@code /Contents} (zero padding and all). */
    public static SignerInformation signer(byte[] contents) {
        return signedData(contents).getSignerInfos().getSigners().iterator().next();
    }

    public static CMSSignedData signedData(byte[] contents) {
        try {
            return new CMSSignedData(new ByteArrayInputStream(contents));
        } catch (CMSException e) {
            throw new IllegalStateException("the /Contents is not CMS", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
