package jp.sitesign.model.signature.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.signature.core.DigestAlgorithm;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.verify.ChangeKind;
import jp.sitesign.model.signature.verify.IntegrityStatus;
import jp.sitesign.model.signature.verify.TimestampStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.DERNull;

/**
 * The published attacks on PDF signatures, as forged uploads: each takes the version a signer was given (the
 * base) and returns what an attacker would upload as "the base, signed" — incremental saving after the
 * signature, shadow and overlay content in the signature's own update, universal signature forgery of
 * {@code /Contents} and {@code /ByteRange}, signature wrapping, bytes after {@code %%EOF}, and the CMS side
 * (altered signed attributes, a swapped signing certificate, a digest downgrade, a timestamp over other
 * data). Each says what the verifier must report and which refusal the upload check
 * ({@code SignedVersionCheck}, the server's {@code PUT …/signed-document}) must give. The common-model test and
 * the server's upload test run the same cases, so both are held to the same answers.
 */
public final class AttackCorpus {
    private AttackCorpus() {
    }

    /**
     * Whoever signs: a key certified by {@code ca}, as a PKCS#12 file (B-B signatures), and the TSA a
     * timestamp attack asks (may be null when no attack needs one).
     */
    public record Signer(TestCa ca, KeyPair keys, X509Certificate certificate, Path p12, String password, String alias,
                         TestTsa tsa) {
        /** {@code pdf} signed by one honest incremental update. */
        public byte[] sign(byte[] pdf) {
            return ShadowUpdates.signedWithin(pdf, p12, password, alias, document -> { });
        }

        /** {@code pdf} signed by one update that also makes {@code edit}. */
        public byte[] signWith(byte[] pdf, ShadowUpdates.Edit edit) {
            return ShadowUpdates.signedWithin(pdf, p12, password, alias, edit);
        }
    }

    /** How an attack is built from the base. */
    @FunctionalInterface
    public interface Forge {
        byte[] apply(byte[] base, Signer signer) throws Exception;
    }

    /**
     * One attack. The verifier's report of the last signature of the forged file must show
     * {@code integrity} (null: intact), the coverage must include the disallowed {@code change} (null: none),
     * and the signature timestamp must be {@code timestamp} (null: not checked); the upload check refuses it
     * with {@code INVALID_SIGNATURE} and a Japanese message containing {@code refusalJa}.
     */
    public record Attack(String name, String family, Forge forge, IntegrityStatus integrity, ChangeKind change,
                         TimestampStatus timestamp, String refusalJa) {
        public byte[] forge(byte[] base, Signer signer) {
            try {
                return forge.apply(base, signer);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("forging " + name, e);
            }
        }

        @Override
        public String toString() {
            return family + ": " + name;
        }
    }

    static final String ONE_UPDATE = "1 回だけ";
    static final String NOT_ONLY_SIGNATURE = "署名以外の変更";
    static final String DID_NOT_VERIFY = "署名の検証に失敗しました";
    static final String NOT_WHOLE = "文書全体を覆っていません";

    /** Every attack, in the order of the families above. */
    public static List<Attack> all() {
        List<Attack> attacks = new ArrayList<>();
        attacks.add(new Attack("page content rewritten after signing", "incremental saving",
                (base, s) -> saveIncremental(s.sign(base), ShadowUpdates.pageTextRewritten("Contract amount: 1 yen")),
                null, ChangeKind.PAGE_CONTENT_CHANGED, null, ONE_UPDATE));
        attacks.add(new Attack("MediaBox changed after signing", "incremental saving",
                (base, s) -> saveIncremental(s.sign(base), d -> d.getPage(0).setMediaBox(new PDRectangle(0, 0, 595, 400))),
                null, ChangeKind.PAGE_CONTENT_CHANGED, null, ONE_UPDATE));
        attacks.add(new Attack("page text rewritten in the signature's own update", "shadow (replace)",
                (base, s) -> s.signWith(base, ShadowUpdates.pageTextRewritten("Contract amount: 1 yen")),
                null, null, null, NOT_ONLY_SIGNATURE));
        attacks.add(new Attack("free-text annotation laid over the page in the signature's own update", "overlay",
                (base, s) -> s.signWith(base, AttackCorpus::freeTextOverlay), null, null, null, NOT_ONLY_SIGNATURE));
        attacks.add(new Attack("text field with a value added in the signature's own update", "overlay",
                (base, s) -> s.signWith(base, AttackCorpus::textFieldOverlay), null, null, null, NOT_ONLY_SIGNATURE));
        attacks.add(new Attack("/Contents all zeros", "universal signature forgery",
                (base, s) -> CmsForgery.replaceContentsHex(s.sign(base), lastIndex(base), ""),
                IntegrityStatus.UNREADABLE_SIGNATURE, null, null, DID_NOT_VERIFY));
        attacks.add(new Attack("/Contents not a CMS", "universal signature forgery",
                (base, s) -> CmsForgery.replaceContentsHex(s.sign(base), lastIndex(base), "30820101DEADBEEF".repeat(8)),
                IntegrityStatus.UNREADABLE_SIGNATURE, null, null, DID_NOT_VERIFY));
        attacks.add(new Attack("/ByteRange ending before the end of the file", "universal signature forgery",
                (base, s) -> editByteRange(s.sign(base), r -> new long[] {r[0], r[1], r[2], r[3] - 20}),
                IntegrityStatus.BYTE_RANGE_INVALID, null, null, NOT_WHOLE));
        attacks.add(new Attack("/ByteRange gap moved off the /Contents string", "signature wrapping",
                (base, s) -> editByteRange(s.sign(base), r -> new long[] {r[0], r[1] - 40, r[2] - 40, r[3] + 40}),
                IntegrityStatus.BYTE_RANGE_INVALID, null, null, DID_NOT_VERIFY));
        attacks.add(new Attack("/ByteRange of three numbers", "universal signature forgery",
                (base, s) -> editByteRange(s.sign(base), r -> new long[] {r[0], r[1], r[2]}),
                IntegrityStatus.BYTE_RANGE_INVALID, null, null, NOT_WHOLE));
        attacks.add(new Attack("/ByteRange not starting at byte 0", "universal signature forgery",
                (base, s) -> editByteRange(s.sign(base), r -> new long[] {1, r[1] - 1, r[2], r[3]}),
                IntegrityStatus.BYTE_RANGE_INVALID, null, null, DID_NOT_VERIFY));
        attacks.add(new Attack("/ByteRange reaching past the end of the file", "universal signature forgery",
                (base, s) -> editByteRange(s.sign(base), r -> new long[] {r[0], r[1], r[2], r[3] + 1}),
                IntegrityStatus.BYTE_RANGE_INVALID, null, null, NOT_WHOLE));
        attacks.add(new Attack("/ByteRange with an empty gap", "universal signature forgery",
                (base, s) -> editByteRange(s.sign(base), r -> new long[] {r[0], r[1], r[1] + 1, r[3]}),
                IntegrityStatus.BYTE_RANGE_INVALID, null, null, NOT_WHOLE));
        attacks.add(new Attack("an object appended after %%EOF", "bytes after %%EOF",
                (base, s) -> ShadowUpdates.appended(s.sign(base), "\n99 0 obj\n(Contract amount: 1 yen)\nendobj\n"),
                null, ChangeKind.UNSIGNED_DATA, null, NOT_WHOLE));
        attacks.add(new Attack("a signing-time attribute added to the signed attributes", "CMS",
                (base, s) -> CmsForgery.rewrite(s.sign(base), lastIndex(base), CmsForgery.signer(info -> CmsForgery
                        .withSignedAttributes(info, withSigningTime(new AttributeTable(info.getAuthenticatedAttributes()))))),
                IntegrityStatus.SIGNATURE_INVALID, null, null, DID_NOT_VERIFY));
        attacks.add(new Attack("signer certificate swapped for another one over the same key", "CMS",
                (base, s) -> CmsForgery.rewrite(s.sign(base), lastIndex(base), CmsForgery.certificatesSwapped(
                        s.ca().issueSigner(s.keys().getPublic(), "Mallory"), s.ca().root())),
                IntegrityStatus.SIGNING_CERTIFICATE_MISMATCH, null, null, DID_NOT_VERIFY));
        attacks.add(new Attack("digest algorithm downgraded to SHA-1", "CMS",
                (base, s) -> CmsForgery.rewrite(s.sign(base), lastIndex(base), CmsForgery.signer(info -> CmsForgery
                        .withDigestAlgorithm(info, new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE)))),
                IntegrityStatus.UNSUPPORTED_ALGORITHM, null, null, DID_NOT_VERIFY));
        attacks.add(new Attack("signature timestamp over other data", "CMS",
                (base, s) -> CmsForgery.rewrite(s.sign(base), lastIndex(base), CmsForgery.signer(info -> CmsForgery
                        .withUnsignedAttributes(info, timestampOver("other data".getBytes(StandardCharsets.US_ASCII),
                                s.tsa())))),
                null, null, TimestampStatus.IMPRINT_MISMATCH, DID_NOT_VERIFY));
        attacks.add(new Attack("signature timestamp that is a CMS but no RFC 3161 token", "CMS",
                (base, s) -> CmsForgery.rewrite(s.sign(base), lastIndex(base), CmsForgery.signer(info -> CmsForgery
                        .withUnsignedAttributes(info, new DERSet(new Attribute(
                                PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                                new DERSet(signedData(s, "not a TSTInfo".getBytes(StandardCharsets.US_ASCII)))))))),
                null, null, TimestampStatus.UNREADABLE, DID_NOT_VERIFY));
        attacks.add(new Attack("signature timestamp without the TSA's certificate", "CMS",
                (base, s) -> {
                    byte[] signed = s.sign(base);
                    int index = lastIndex(base);
                    byte[] value = IndependentChecks.signer(IndependentChecks.signatureContents(signed).get(index))
                            .getSignature();
                    return CmsForgery.rewrite(signed, index, CmsForgery.signer(info -> CmsForgery.withUnsignedAttributes(
                            info, new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                                    new DERSet(withoutCertificates(timestampToken(value, s.tsa())).toASN1Structure()))))));
                },
                null, null, TimestampStatus.TSA_CERTIFICATE_MISSING, DID_NOT_VERIFY));
        attacks.add(new Attack("signature timestamp from a certificate without the timeStamping usage", "CMS",
                (base, s) -> {
                    byte[] signed = s.sign(base);
                    int index = lastIndex(base);
                    byte[] value = IndependentChecks.signer(IndependentChecks.signatureContents(signed).get(index))
                            .getSignature();
                    return CmsForgery.rewrite(signed, index, CmsForgery.signer(info -> CmsForgery.withUnsignedAttributes(
                            info, new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                                    new DERSet(tokenByNonTsa(s.ca(), value)))))));
                },
                null, null, TimestampStatus.NOT_A_TSA_CERTIFICATE, DID_NOT_VERIFY));
        return List.copyOf(attacks);
    }

    /**
     * An RFC 3161 token over {@code data}, correct in every way but one: it is signed with a certificate
     * {@code ca} issued for signing documents, without the timeStamping extended key usage. Built by hand, as
     * Bouncy Castle's token generator refuses such a certificate.
     */
    private static org.bouncycastle.asn1.cms.ContentInfo tokenByNonTsa(TestCa ca, byte[] data) {
        try {
            KeyPair keys = TestCa.rsaKeyPair(2048);
            X509Certificate certificate = ca.issueSigner(keys.getPublic(), "Not A TSA");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            org.bouncycastle.asn1.tsp.TSTInfo info = new org.bouncycastle.asn1.tsp.TSTInfo(
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1"),
                    new org.bouncycastle.asn1.tsp.MessageImprint(DigestAlgorithm.SHA256.identifier(), digest),
                    new org.bouncycastle.asn1.ASN1Integer(1), new org.bouncycastle.asn1.ASN1GeneralizedTime(new java.util.Date(),
                            java.util.Locale.ROOT),
                    null, null, null, null, null);
            org.bouncycastle.asn1.ess.ESSCertIDv2 id = new org.bouncycastle.asn1.ess.ESSCertIDv2(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            AttributeTable signedAttributes = new AttributeTable(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new org.bouncycastle.asn1.ess.SigningCertificateV2(new org.bouncycastle.asn1.ess.ESSCertIDv2[] {id}))));
            org.bouncycastle.cms.CMSSignedDataGenerator generator = new org.bouncycastle.cms.CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder(
                    new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new org.bouncycastle.cms.DefaultSignedAttributeTableGenerator(signedAttributes))
                    .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()),
                            certificate));
            generator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(List.of(certificate, ca.root())));
            return generator.generate(new org.bouncycastle.cms.CMSProcessableByteArray(
                    PKCSObjectIdentifiers.id_ct_TSTInfo, info.getEncoded("DER")), true).toASN1Structure();
        } catch (Exception e) {
            throw new IllegalStateException("building a token signed by a non-TSA certificate", e);
        }
    }

    /** A CMS signed by {@code signer} over plain {@code data} (content type id-data): readable, but no time-stamp token. */
    private static org.bouncycastle.asn1.cms.ContentInfo signedData(Signer signer, byte[] data) {
        try {
            org.bouncycastle.cms.CMSSignedDataGenerator generator = new org.bouncycastle.cms.CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder(
                    new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build())
                    .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                            .build(signer.keys().getPrivate()), signer.certificate()));
            generator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(List.of(signer.certificate())));
            return generator.generate(new org.bouncycastle.cms.CMSProcessableByteArray(data), true).toASN1Structure();
        } catch (Exception e) {
            throw new IllegalStateException("building a CMS that is no time-stamp token", e);
        }
    }

    /** A representative few, one per family, for tests that pay more per case (the server's HTTP round trips). */
    public static List<Attack> representative() {
        Map<String, Attack> one = new java.util.LinkedHashMap<>();
        for (Attack attack : all()) {
            one.putIfAbsent(attack.family() + attack.refusalJa(), attack);
        }
        return List.copyOf(one.values());
    }

    /** The index the new signature will have: one more than the signatures the base already holds. */
    private static int lastIndex(byte[] base) {
        try (PDDocument document = Loader.loadPDF(base)) {
            return document.getSignatureDictionaries().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pdf} plus an incremental update made with PDFBox. */
    public static byte[] saveIncremental(byte[] pdf, ShadowUpdates.Edit edit) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            edit.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free-text annotation over the page's text that claims another amount (an overlay). */
    public static void freeTextOverlay(PDDocument document) throws IOException {
        PDPage page = document.getPage(0);
        PDAnnotationFreeText overlay = new PDAnnotationFreeText();
        overlay.setRectangle(new PDRectangle(60, 750, 400, 40));
        overlay.setContents("Contract amount: 1 yen");
        overlay.setPrinted(true);
        List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
        annotations.add(overlay);
        page.setAnnotations(annotations);
    }

    /** A text field whose widget sits over the page's text, with a value (an overlay through the form). */
    public static void textFieldOverlay(PDDocument document) throws IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
        }
        PDTextField field = new PDTextField(form);
        field.setPartialName("amount");
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(new PDRectangle(60, 750, 400, 40));
        widget.setPage(document.getPage(0));
        widget.setPrinted(true);
        field.getCOSObject().setString(org.apache.pdfbox.cos.COSName.V, "Contract amount: 1 yen");
        List<org.apache.pdfbox.pdmodel.interactive.form.PDField> fields = new ArrayList<>(form.getFields());
        fields.add(field);
        form.setFields(fields);
        PDPage page = document.getPage(0);
        List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
        annotations.add(widget);
        page.setAnnotations(annotations);
    }

    /**
     * The last signature's {@code /ByteRange} rewritten in place (same length, padded with spaces), so every
     * other byte stays where it was.
     */
    public static byte[] editByteRange(byte[] pdf, java.util.function.UnaryOperator<long[]> edit) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int start = text.lastIndexOf("/ByteRange");
        int open = text.indexOf('[', start);
        int close = text.indexOf(']', open);
        String[] numbers = text.substring(open + 1, close).trim().split("\\s+");
        long[] range = new long[4];
        for (int i = 0; i < 4; i++) {
            range[i] = Long.parseLong(numbers[i]);
        }
        long[] changed = edit.apply(range);
        StringBuilder written = new StringBuilder();
        for (long n : changed) {
            written.append(written.length() == 0 ? "" : " ").append(n);
        }
        int width = close - open - 1;
        if (written.length() > width) {
            throw new IllegalArgumentException("the new /ByteRange does not fit");
        }
        String padded = written + " ".repeat(width - written.length());
        byte[] out = pdf.clone();
        System.arraycopy(padded.getBytes(StandardCharsets.ISO_8859_1), 0, out, open + 1, width);
        return out;
    }

    private static DERSet withSigningTime(AttributeTable attributes) {
        ASN1EncodableVector all = attributes.toASN1EncodableVector();
        all.add(new Attribute(CMSAttributes.signingTime, new DERSet(new DERUTCTime(new java.util.Date(0)))));
        return new DERSet(all);
    }

    /** A signature-time-stamp unsigned attribute whose token, from a real TSA, is over {@code data}. */
    private static DERSet timestampOver(byte[] data, TestTsa tsa) {
        return new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(timestampToken(data, tsa).toASN1Structure())));
    }

    /** A real TSA's token over {@code data}. */
    private static org.bouncycastle.cms.CMSSignedData timestampToken(byte[] data, TestTsa tsa) {
        if (tsa == null) {
            throw new IllegalStateException("this attack needs the signer's TSA");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return new Rfc3161Client(tsa.url()).timestamp(DigestAlgorithm.SHA256, digest).toCMSSignedData();
        } catch (NoSuchAlgorithmException | SigningException e) {
            throw new IllegalStateException("timestamping", e);
        }
    }

    private static org.bouncycastle.cms.CMSSignedData withoutCertificates(org.bouncycastle.cms.CMSSignedData token) {
        try {
            org.bouncycastle.util.Store<org.bouncycastle.cert.X509CertificateHolder> none =
                    new org.bouncycastle.util.CollectionStore<>(List.of());
            return org.bouncycastle.cms.CMSSignedData.replaceCertificatesAndCRLs(token, none, null, null);
        } catch (org.bouncycastle.cms.CMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
