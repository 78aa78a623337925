package jp.sitesign.model.signature.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Rewrites the CMS in a signed PDF's {@code /Contents} the way the published attacks on the CMS side do, keeping
 * every byte the {@code /ByteRange} covers: the signer's attributes, certificates or algorithms are changed,
 * the signature value itself is kept (an attacker has no key), and the new CMS is written zero-padded into
 * the same gap.
 */
public final class CmsForgery {
    private CmsForgery() {
    }

    /** {@code pdf} with the CMS of signature {@code index} (0 = first) rewritten by {@code edit}. */
    public static byte[] rewrite(byte[] pdf, int index, UnaryOperator<SignedData> edit) {
        CMSSignedData cms = IndependentChecks.signedData(IndependentChecks.signatureContents(pdf).get(index));
        SignedData forged = edit.apply(SignedData.getInstance(cms.toASN1Structure().getContent()));
        try {
            return replaceContents(pdf, index, new ContentInfo(CMSObjectIdentifiers.signedData, forged).getEncoded("DER"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one signer of {@code data} rewritten by {@code edit}. */
    public static UnaryOperator<SignedData> signer(UnaryOperator<SignerInfo> edit) {
        return data -> new SignedData(data.getDigestAlgorithms(), data.getEncapContentInfo(), data.getCertificates(),
                data.getCRLs(), new DERSet(edit.apply(SignerInfo.getInstance(data.getSignerInfos().getObjectAt(0)))));
    }

    /** A signer info with other signed attributes (the signature value over the old ones kept). */
    public static SignerInfo withSignedAttributes(SignerInfo info, ASN1Set attributes) {
        return new SignerInfo(info.getSID(), info.getDigestAlgorithm(), attributes, info.getDigestEncryptionAlgorithm(),
                info.getEncryptedDigest(), info.getUnauthenticatedAttributes());
    }

    /** A signer info claiming another digest algorithm. */
    public static SignerInfo withDigestAlgorithm(SignerInfo info, AlgorithmIdentifier digest) {
        return new SignerInfo(info.getSID(), digest, info.getAuthenticatedAttributes(), info.getDigestEncryptionAlgorithm(),
                info.getEncryptedDigest(), info.getUnauthenticatedAttributes());
    }

    /** A signer info with other unsigned attributes (e.g. another signature timestamp). */
    public static SignerInfo withUnsignedAttributes(SignerInfo info, ASN1Set attributes) {
        return new SignerInfo(info.getSID(), info.getDigestAlgorithm(), info.getAuthenticatedAttributes(),
                info.getDigestEncryptionAlgorithm(), info.getEncryptedDigest(), attributes);
    }

    /**
     * The signed data with {@code certificates} instead of its own, and its signer pointing at the first of
     * them (issuer and serial number): a signer certificate swapped for another one over the same key.
     */
    public static UnaryOperator<SignedData> certificatesSwapped(X509Certificate... certificates) {
        return data -> {
            ASN1EncodableVector encoded = new ASN1EncodableVector();
            for (X509Certificate certificate : certificates) {
                encoded.add(certificate(certificate));
            }
            Certificate first = certificate(certificates[0]);
            SignerIdentifier sid = new SignerIdentifier(new IssuerAndSerialNumber(first.getIssuer(),
                    first.getSerialNumber().getValue()));
            SignerInfo info = SignerInfo.getInstance(data.getSignerInfos().getObjectAt(0));
            SignerInfo pointed = new SignerInfo(sid, info.getDigestAlgorithm(), info.getAuthenticatedAttributes(),
                    info.getDigestEncryptionAlgorithm(), info.getEncryptedDigest(), info.getUnauthenticatedAttributes());
            return new SignedData(data.getDigestAlgorithms(), data.getEncapContentInfo(), new DERSet(encoded),
                    data.getCRLs(), new DERSet(pointed));
        };
    }

    private static Certificate certificate(X509Certificate certificate) {
        try {
            return Certificate.getInstance(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code cms} into signature {@code index}'s {@code /Contents}, zero-padded as a signer would. */
    public static byte[] replaceContents(byte[] pdf, int index, byte[] cms) {
        String hex = HexFormat.of().withUpperCase().formatHex(cms);
        return replaceContentsHex(pdf, index, hex);
    }

    /** Writes {@code hex} (padded with {@code 0}) as signature {@code index}'s {@code /Contents}, in place. */
    public static byte[] replaceContentsHex(byte[] pdf, int index, String hex) {
        int[] range = byteRange(pdf, index);
        int hexLength = range[2] - range[1] - 2;
        if (hex.length() > hexLength) {
            throw new IllegalArgumentException("the CMS does not fit: " + hex.length() + " > " + hexLength);
        }
        byte[] padded = (hex + "0".repeat(hexLength - hex.length())).getBytes(StandardCharsets.US_ASCII);
        byte[] replaced = pdf.clone();
        System.arraycopy(padded, 0, replaced, range[1] + 1, padded.length);
        return replaced;
    }

    /** The {@code /ByteRange} of signature {@code index} as the file says. */
    public static int[] byteRange(byte[] pdf, int index) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getSignatureDictionaries().get(index).getByteRange();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
