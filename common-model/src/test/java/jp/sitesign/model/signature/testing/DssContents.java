package jp.sitesign.model.signature.testing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a PDF's {@code /DSS} holds, parsed back with the JDK and Bouncy Castle (PDFBox only reads the
 * streams): the certificates, OCSP responses and CRLs, and the {@code /VRI} keys with how many items
 * each entry references.
 */
public record DssContents(List<X509Certificate> certificates, List<BasicOCSPResp> ocspResponses,
                          List<X509CRL> crls, Map<String, VriEntry> vri) {

    /** How many certificates, OCSP responses and CRLs one {@code /VRI} entry references. */
    public record VriEntry(int certificates, int ocspResponses, int crls) {
    }

    public static DssContents of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            if (dss == null) {
                return new DssContents(List.of(), List.of(), List.of(), Map.of());
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            for (byte[] der : streams(dss, "Certs")) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            List<BasicOCSPResp> ocsps = new ArrayList<>();
            for (byte[] der : streams(dss, "OCSPs")) {
                ocsps.add((BasicOCSPResp) new OCSPResp(der).getResponseObject());
            }
            List<X509CRL> crls = new ArrayList<>();
            for (byte[] der : streams(dss, "CRLs")) {
                crls.add((X509CRL) factory.generateCRL(new ByteArrayInputStream(der)));
            }
            return new DssContents(certificates, ocsps, crls, vri(dss));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException | java.security.cert.CRLException | OCSPException e) {
            throw new IllegalStateException("the /DSS holds something unreadable", e);
        }
    }

    /** The serial numbers of the certificates whose status the OCSP responses give. */
    public Set<BigInteger> ocspSerials() {
        Set<BigInteger> serials = new LinkedHashSet<>();
        for (BasicOCSPResp response : ocspResponses) {
            for (SingleResp single : response.getResponses()) {
                serials.add(single.getCertID().getSerialNumber());
            }
        }
        return serials;
    }

    public Set<BigInteger> certificateSerials() {
        Set<BigInteger> serials = new LinkedHashSet<>();
        certificates.forEach(certificate -> serials.add(certificate.getSerialNumber()));
        return serials;
    }

    /** The PAdES {@code /VRI} key of a signature: upper-case hex SHA-1 of its {@code /Contents}. */
    public static String vriKey(byte[] contents) {
        try {
            return HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(contents));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> streams(COSDictionary dss, String name) throws IOException {
        List<byte[]> items = new ArrayList<>();
        COSArray array = dss.getCOSArray(COSName.getPDFName(name));
        if (array == null) {
            return items;
        }
        for (int i = 0; i < array.size(); i++) {
            COSBase item = array.getObject(i);
            try (InputStream in = ((COSStream) item).createInputStream()) {
                items.add(in.readAllBytes());
            }
        }
        return items;
    }

    private static Map<String, VriEntry> vri(COSDictionary dss) {
        Map<String, VriEntry> entries = new TreeMap<>();
        COSDictionary vri = dss.getCOSDictionary(COSName.getPDFName("VRI"));
        if (vri == null) {
            return entries;
        }
        for (COSName key : vri.keySet()) {
            COSDictionary entry = vri.getCOSDictionary(key);
            entries.put(key.getName(), new VriEntry(size(entry, "Cert"), size(entry, "OCSP"), size(entry, "CRL")));
        }
        return entries;
    }

    private static int size(COSDictionary entry, String name) {
        COSArray array = entry.getCOSArray(COSName.getPDFName(name));
        return array == null ? 0 : array.size();
    }
}
