package jp.sitesign.server.certificates;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import jp.sitesign.model.crypto.CertificatePem;
import jp.sitesign.model.error.SiteSignException;

/** Reads one X.509 certificate given as PEM or DER, and writes PEM. */
public final class CertificateFile {
    private CertificateFile() {
    }

    /** The certificate in {@code bytes}, PEM ("-----BEGIN CERTIFICATE-----") or DER; anything else is a 400. */
    public static X509Certificate read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw unreadable("empty");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes));
            if (certificate == null) {
                throw unreadable("no certificate");
            }
            return certificate;
        } catch (CertificateException | ClassCastException e) {
            throw unreadable(e.getMessage());
        }
    }

    public static String pem(X509Certificate certificate) {
        return CertificatePem.encode(certificate);
    }

    public static String pem(byte[] der) {
        return CertificatePem.encode(der);
    }

    private static SiteSignException unreadable(String why) {
        return CertificateMessage.CERTIFICATE_UNREADABLE.exception(why);
    }
}
