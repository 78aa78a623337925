package jp.sitesign.model.signature.verify;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.sitesign.model.signature.core.ChainAssembler;

/**
 * Whether a certificate is trusted: a path to a configured anchor, validated with the JDK's PKIX
 * {@link CertPathValidator} at a given time, revocation checking off (revocation is reported apart).
 * The validator's reason tells an expired or not-yet-valid certificate apart from a missing anchor.
 */
final class IdentityCheck {
    private final List<X509Certificate> anchors;
    private final Set<TrustAnchor> trustAnchors = new LinkedHashSet<>();

    IdentityCheck(Collection<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
        for (X509Certificate anchor : anchors) {
            trustAnchors.add(new TrustAnchor(anchor, null));
        }
    }

    /** The identity and the certificates of its chain (anchor last when reached). */
    record Result(Identity identity, List<X509Certificate> chain, boolean anchorReached) {
    }

    Result check(X509Certificate certificate, Collection<X509Certificate> pool, Instant at) {
        ChainAssembler.Assembled assembled = ChainAssembler.assemble(certificate, pool, anchors);
        List<X509Certificate> chain = new ArrayList<>(assembled.path());
        assembled.anchor().ifPresent(chain::add);
        TrustStatus status;
        String detail = null;
        if (assembled.anchor().isEmpty()) {
            status = TrustStatus.UNTRUSTED_CHAIN;
            detail = "no path from " + chain.get(chain.size() - 1).getSubjectX500Principal()
                    + " to a configured trust anchor";
        } else {
            try {
                validate(assembled.path(), at);
                status = TrustStatus.TRUSTED;
            } catch (CertPathValidatorException e) {
                status = statusFor(e);
                detail = e.getMessage();
            } catch (GeneralSecurityException e) {
                status = TrustStatus.UNTRUSTED_CHAIN;
                detail = e.getMessage();
            }
        }
        List<String> subjects = chain.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
        Identity identity = new Identity(status, certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                HexFormat.of().formatHex(certificate.getSerialNumber().toByteArray()), subjects, at, detail);
        return new Result(identity, chain, assembled.anchor().isPresent());
    }

    /** The identity of a signature whose CMS carries no signer certificate. */
    static Identity unknown(Instant at) {
        return new Identity(TrustStatus.UNTRUSTED_CHAIN, null, null, null, List.of(), at,
                "the signature carries no signer certificate");
    }

    private void validate(List<X509Certificate> path, Instant at) throws GeneralSecurityException {
        if (trustAnchors.isEmpty()) {
            throw new InvalidAlgorithmParameterException("no trust anchors are configured");
        }
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXParameters parameters = new PKIXParameters(trustAnchors);
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    }

    private static TrustStatus statusFor(CertPathValidatorException e) {
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return TrustStatus.EXPIRED;
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return TrustStatus.NOT_YET_VALID;
        }
        // NO_TRUST_ANCHOR, a bad signature in the chain, a CA without basic constraints, …
        return TrustStatus.UNTRUSTED_CHAIN;
    }
}
