package jp.sitesign.server.certificates;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import jp.sitesign.model.crypto.CertificatePem;
import jp.sitesign.model.error.ErrorCode;
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
        return new SiteSignException(ErrorCode.INVALID_FIELD,
                "X.509 証明書（PEM または DER）として読み取れません。証明書ファイルを確認してください。",
                "This is not a readable X.509 certificate (PEM or DER): " + why);
    }
}
