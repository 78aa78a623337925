package jp.sitesign.model.signature.verify;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Certificates out of CMS structures, as JDK certificates. */
final class Certificates {
    private Certificates() {
    }

    /** The certificate the CMS carries for {@code signer}, if any. */
    static Optional<X509Certificate> signerCertificate(CMSSignedData cms, SignerInformation signer) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        return matches.stream().findFirst().flatMap(Certificates::convert);
    }

    static List<X509Certificate> all(CMSSignedData cms) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> holders = cms.getCertificates().getMatches(null);
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : holders) {
            convert(holder).ifPresent(certificates::add);
        }
        return certificates;
    }

    private static Optional<X509Certificate> convert(X509CertificateHolder holder) {
        try {
            return Optional.of(new JcaX509CertificateConverter().getCertificate(holder));
        } catch (CertificateException e) {
            // An unparsable certificate simply cannot be part of a chain; the chain check reports the gap.
            return Optional.empty();
        }
    }
}
