package jp.sitesign.model.signature.verify;

import org.bouncycastle.cms.CMSSignedData;

import java.time.Instant;
import java.util.Optional;

/**
 * Puts together the report of one document timestamp: its byte range, its RFC 3161 token over that
 * range (whose checks also give its integrity), the TSA's chain and whether it was revoked, and what
 * was added after it.
 */
final class DocumentTimestampEvaluator {
    private final VerificationContext context;

    DocumentTimestampEvaluator(VerificationContext context) {
        this.context = context;
    }

    /** @param laterProof the time a later valid document timestamp proves this one existed at, if any */
    SignatureReport evaluate(int number, SignatureField field, Optional<Instant> laterProof) {
        String rangeProblem = ByteRangeCheck.problem(context.pdf, field, context.revisions);
        Optional<CMSSignedData> cms = VerificationContext.cms(field);
        Instant trustAt = laterProof.orElse(context.now);
        Optional<TimestampCheck.Checked> checked = cms.map(token ->
                context.timestamps.check(token, context.covered(field), context.pool, trustAt));
        TimestampReport timestamp = checked.map(TimestampCheck.Checked::report)
                .orElse(new TimestampReport(TimestampStatus.UNREADABLE, null, null, "/Contents is not a CMS structure"));

        Integrity integrity = rangeProblem != null
                ? Integrity.failed(IntegrityStatus.BYTE_RANGE_INVALID, rangeProblem)
                : integrityOf(timestamp);
        Optional<IdentityCheck.Result> chain = checked.flatMap(TimestampCheck.Checked::tsaChain);
        Identity identity = chain.map(IdentityCheck.Result::identity).orElseGet(() -> IdentityCheck.unknown(trustAt));
        RevocationReport revocation = timestamp.tsaRevocation();
        SigningTime time = timestamp.provesTime()
                ? new SigningTime(field.claimed(), timestamp.time(), TimeSource.DOCUMENT_TIMESTAMP)
                : new SigningTime(field.claimed(), trustAt,
                        laterProof.isPresent() ? TimeSource.DOCUMENT_TIMESTAMP : TimeSource.VERIFICATION_TIME);
        Coverage coverage = context.coverage(field, rangeProblem == null);
        return new SignatureReport(number, field.fieldName(), SignatureKind.DOCUMENT_TIMESTAMP, integrity, coverage,
                identity, revocation, timestamp, time);
    }

    /** A token over other bytes means the covered bytes changed; its trust and usage are reported elsewhere. */
    private static Integrity integrityOf(TimestampReport timestamp) {
        return switch (timestamp.status()) {
            case VALID, NOT_A_TSA_CERTIFICATE -> Integrity.passed();
            case IMPRINT_MISMATCH -> Integrity.failed(IntegrityStatus.DIGEST_MISMATCH, timestamp.detail());
            case SIGNATURE_INVALID -> Integrity.failed(IntegrityStatus.SIGNATURE_INVALID, timestamp.detail());
            case TSA_CERTIFICATE_MISSING -> Integrity.failed(IntegrityStatus.SIGNER_CERTIFICATE_MISSING, timestamp.detail());
            case UNSUPPORTED_ALGORITHM -> Integrity.failed(IntegrityStatus.UNSUPPORTED_ALGORITHM, timestamp.detail());
            case UNREADABLE -> Integrity.failed(IntegrityStatus.UNREADABLE_SIGNATURE, timestamp.detail());
        };
    }
}
