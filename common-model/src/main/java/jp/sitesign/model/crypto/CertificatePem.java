package jp.sitesign.model.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Certificates as text, the same on server and desktop: PEM out, PEM or DER in, and the SHA-256 fingerprint
 * the server prints at start and the desktop's first-run screen shows for comparison.
 */
public final class CertificatePem {
    private CertificatePem() {
    }

    public static String encode(X509Certificate certificate) {
        return encode(der(certificate));
    }

    public static String encode(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** Every certificate in {@code bytes} (PEM, several allowed, or DER). */
    public static List<X509Certificate> decode(byte[] bytes) throws CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    /** SHA-256 of the certificate as upper-case hex pairs joined by colons (AA:BB:…). */
    public static String fingerprint(X509Certificate certificate) {
        String hex = Digests.hex(Digests.sha256(der(certificate))).toUpperCase(Locale.ROOT);
        return String.join(":", hex.split("(?<=\\G..)"));
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("re-encoding a parsed certificate", e);
        }
    }
}
