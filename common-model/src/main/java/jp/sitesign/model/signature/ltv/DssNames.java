package jp.sitesign.model.signature.ltv;

import org.apache.pdfbox.cos.COSName;

/** The names of the PAdES document security store (ETSI EN 319 142-1 §5.4). */
final class DssNames {
    static final COSName DSS = COSName.getPDFName("DSS");
    static final COSName VRI = COSName.getPDFName("VRI");
    static final COSName CERTS = COSName.getPDFName("Certs");
    static final COSName OCSPS = COSName.getPDFName("OCSPs");
    static final COSName CRLS = COSName.getPDFName("CRLs");
    static final COSName VRI_CERT = COSName.getPDFName("Cert");
    static final COSName VRI_OCSP = COSName.getPDFName("OCSP");
    static final COSName VRI_CRL = COSName.getPDFName("CRL");
    static final COSName VRI_TIME = COSName.getPDFName("TU");

    private DssNames() {
    }
}
