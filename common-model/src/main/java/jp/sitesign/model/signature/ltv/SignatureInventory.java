package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.model.document.SafePdf;
import jp.sitesign.model.signature.core.ChainAssembler;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The signatures and document timestamps of a PDF with the chains that need validation data: for a
 * CAdES signature its signer's chain and each signature timestamp's TSA chain, for a document
 * timestamp its TSA chain. Chains are built from every certificate the document's CMS structures carry.
 */
final class SignatureInventory {
    private static final String RFC3161 = "ETSI.RFC3161";

    private SignatureInventory() {
    }

    /**
     * @param vriKey the PAdES {@code /VRI} key: upper-case hex SHA-1 of the {@code /Contents} bytes
     * @param chains the chains to cover
     */
    record Entry(String vriKey, List<Chain> chains) {
    }

    /**
     * @param certificates end entity first
     * @param provenAt     when a timestamp proves the signature made with it existed; {@code null} if none does
     */
    record Chain(List<X509Certificate> certificates, Instant provenAt) {
    }

    static List<Entry> read(byte[] pdf) throws SigningException {
        List<PDSignature> signatures;
        try (PDDocument document = SafePdf.start(PdfLimits.DEFAULT).open(pdf)) {
            signatures = document.getSignatureDictionaries();
        } catch (IOException e) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, e.getMessage());
        }
        List<byte[]> contents = new ArrayList<>();
        List<CMSSignedData> structures = new ArrayList<>();
        Set<X509Certificate> pool = new LinkedHashSet<>();
        for (PDSignature signature : signatures) {
            byte[] bytes = signature.getContents();
            CMSSignedData cms = parse(bytes);
            contents.add(bytes);
            structures.add(cms);
            collectCertificates(cms, pool);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            entries.add(new Entry(vriKey(contents.get(i)), chains(structures.get(i),
                    RFC3161.equals(signatures.get(i).getSubFilter()), pool)));
        }
        return entries;
    }

    private static List<Chain> chains(CMSSignedData cms, boolean documentTimestamp, Set<X509Certificate> pool)
            throws SigningException {
        List<Chain> chains = new ArrayList<>();
        for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
            X509Certificate certificate = signerCertificate(cms, signer);
            if (documentTimestamp) {
                chains.add(new Chain(ChainAssembler.towardsRoot(certificate, pool), genTime(cms)));
                continue;
            }
            Instant provenAt = null;
            for (CMSSignedData token : signatureTimestamps(signer, pool)) {
                Instant stamped = genTime(token);
                provenAt = provenAt == null || stamped.isBefore(provenAt) ? stamped : provenAt;
                chains.addAll(chains(token, true, pool));
            }
            chains.add(0, new Chain(ChainAssembler.towardsRoot(certificate, pool), provenAt));
        }
        return chains;
    }

    private static Instant genTime(CMSSignedData token) throws SigningException {
        try {
            return new TimeStampToken(token).getTimeStampInfo().getGenTime().toInstant();
        } catch (TSPException | IOException e) {
            throw unreadable(e);
        }
    }

    private static List<CMSSignedData> signatureTimestamps(SignerInformation signer, Set<X509Certificate> pool)
            throws SigningException {
        List<CMSSignedData> tokens = new ArrayList<>();
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (unsigned == null) {
            return tokens;
        }
        for (ASN1Encodable value : attributeValues(unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken))) {
            try {
                CMSSignedData token = new CMSSignedData(value.toASN1Primitive().getEncoded());
                collectCertificates(token, pool);
                tokens.add(token);
            } catch (CMSException | IOException e) {
                throw unreadable(e);
            }
        }
        return tokens;
    }

    private static List<ASN1Encodable> attributeValues(org.bouncycastle.asn1.ASN1EncodableVector attributes) {
        List<ASN1Encodable> values = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            for (ASN1Encodable value : Attribute.getInstance(attributes.get(i)).getAttributeValues()) {
                values.add(value);
            }
        }
        return values;
    }

    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation signer) throws SigningException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE,
                    "a signature does not contain its signer's certificate");
        }
        return convert(matches.iterator().next());
    }

    private static void collectCertificates(CMSSignedData cms, Set<X509Certificate> pool) throws SigningException {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> holders = cms.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : holders) {
            pool.add(convert(holder));
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) throws SigningException {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw unreadable(e);
        }
    }

    private static CMSSignedData parse(byte[] contents) throws SigningException {
        try {
            // The stream constructor stops at the end of the DER and ignores the zero padding.
            return new CMSSignedData(new ByteArrayInputStream(contents));
        } catch (CMSException e) {
            throw unreadable(e);
        }
    }

    static String vriKey(byte[] contents) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(contents));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime has SHA-1", e);
        }
    }

    private static SigningException unreadable(Exception e) {
        return new SigningException(SigningError.DOCUMENT_UNREADABLE, e, "a signature's CMS cannot be read: " + e.getMessage());
    }

    /** The {@code /VRI} keys the document's {@code /DSS} already has. */
    static Set<String> coveredKeys(PDDocument document) {
        COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DssNames.DSS);
        COSDictionary vri = dss == null ? null : dss.getCOSDictionary(DssNames.VRI);
        Set<String> keys = new LinkedHashSet<>();
        if (vri != null) {
            for (COSName key : vri.keySet()) {
                keys.add(key.getName());
            }
        }
        return keys;
    }
}
