package jp.sitesign.model.signature.verify;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * Puts together the report of one CAdES signature: integrity over its byte range, its signature
 * timestamp, the best-known signing time, the signer's chain at that time, whether the embedded
 * revocation data says a certificate of that chain was revoked by then, and what was added after it.
 */
final class SignatureEvaluator {
    private final VerificationContext context;

    SignatureEvaluator(VerificationContext context) {
        this.context = context;
    }

    /** @param documentProof the time a later valid document timestamp proves this signature existed at, if any */
    SignatureReport evaluate(int number, SignatureField field, Optional<Instant> documentProof) {
        String rangeProblem = ByteRangeCheck.problem(context.pdf, field, context.revisions);
        Optional<CMSSignedData> cms = VerificationContext.cms(field);
        Optional<SignerInformation> signer = cms.filter(c -> c.getSignerInfos().size() == 1)
                .map(c -> c.getSignerInfos().getSigners().iterator().next());
        Optional<X509Certificate> certificate = signer.flatMap(s -> Certificates.signerCertificate(cms.get(), s));
        Integrity integrity = integrity(field, rangeProblem, signer, certificate);

        Instant tsaTrustAt = documentProof.orElse(context.now);
        TimestampReport timestamp = signer.map(s -> signatureTimestamp(s, tsaTrustAt)).orElse(null);
        SigningTime time = signingTime(field, timestamp, documentProof);

        Identity identity;
        RevocationReport revocation;
        if (certificate.isPresent()) {
            IdentityCheck.Result chain = context.identities.check(certificate.get(), context.pool, time.best());
            identity = chain.identity();
            revocation = RevocationDataCheck.report(chain.chain(), chain.anchorReached(),
                    context.embedded.with(cms.get(), signer.get()), time.best());
        } else {
            identity = IdentityCheck.unknown(time.best());
            revocation = RevocationReport.none();
        }
        Coverage coverage = context.coverage(field, rangeProblem == null);
        return new SignatureReport(number, field.fieldName(), SignatureKind.SIGNATURE, integrity, coverage, identity,
                revocation, timestamp, time);
    }

    private Integrity integrity(SignatureField field, String rangeProblem, Optional<SignerInformation> signer,
                                Optional<X509Certificate> certificate) {
        if (rangeProblem != null) {
            return Integrity.failed(IntegrityStatus.BYTE_RANGE_INVALID, rangeProblem);
        }
        if (signer.isEmpty()) {
            return Integrity.failed(IntegrityStatus.UNREADABLE_SIGNATURE, "/Contents is not a CMS signature with one signer");
        }
        if (certificate.isEmpty()) {
            return Integrity.failed(IntegrityStatus.SIGNER_CERTIFICATE_MISSING, "the CMS does not carry its signer's certificate");
        }
        return CmsSignerCheck.check(signer.get(), certificate.get(), context.covered(field));
    }

    private SigningTime signingTime(SignatureField field, TimestampReport timestamp, Optional<Instant> documentProof) {
        if (timestamp != null && timestamp.provesTime()) {
            return new SigningTime(field.claimed(), timestamp.time(), TimeSource.SIGNATURE_TIMESTAMP);
        }
        return documentProof.map(t -> new SigningTime(field.claimed(), t, TimeSource.DOCUMENT_TIMESTAMP))
                .orElseGet(() -> new SigningTime(field.claimed(), context.now, TimeSource.VERIFICATION_TIME));
    }

    /** The check of the first signature-time-stamp unsigned attribute's token; {@code null} if there is none. */
    private TimestampReport signatureTimestamp(SignerInformation signer, Instant tsaTrustAt) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return null;
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        try {
            CMSSignedData token = new CMSSignedData(value.toASN1Primitive().getEncoded());
            return context.timestamps.check(token, signer.getSignature(), context.pool, tsaTrustAt).report();
        } catch (CMSException | IOException e) {
            return new TimestampReport(TimestampStatus.UNREADABLE, null, null, e.getMessage());
        }
    }
}
