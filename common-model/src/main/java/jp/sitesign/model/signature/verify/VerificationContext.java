package jp.sitesign.model.signature.verify;

import jp.sitesign.model.document.SafePdf;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every check of one document shares: its bytes, the parsed final document, its revisions and
 * signature fields, every certificate it carries, its embedded revocation data, the time of verification,
 * and the limits every revision of it is read under.
 */
final class VerificationContext {
    final byte[] pdf;
    final PDDocument document;
    final Revisions revisions;
    final List<SignatureField> fields;
    final List<X509Certificate> pool;
    final EmbeddedRevocation embedded;
    final IdentityCheck identities;
    final TimestampCheck timestamps;
    final Instant now;
    private final SafePdf reading;
    private List<Change> unsignedTail;

    VerificationContext(byte[] pdf, PDDocument document, SafePdf reading, IdentityCheck identities, Instant now) {
        this.pdf = pdf;
        this.document = document;
        this.reading = reading;
        this.revisions = Revisions.of(pdf);
        this.fields = PdfSignatures.read(document);
        this.embedded = EmbeddedRevocation.fromDss(document);
        this.identities = identities;
        this.timestamps = new TimestampCheck(identities, embedded);
        this.now = now;
        Set<X509Certificate> certificates = new LinkedHashSet<>(embedded.certificates);
        for (SignatureField field : fields) {
            cms(field).ifPresent(cms -> certificates.addAll(Certificates.all(cms)));
        }
        this.pool = List.copyOf(certificates);
    }

    /** The CMS in {@code /Contents}; the stream constructor stops at the DER's end and ignores the zero padding. */
    static Optional<CMSSignedData> cms(SignatureField field) {
        if (field.contents() == null || field.contents().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CMSSignedData(new ByteArrayInputStream(field.contents())));
        } catch (CMSException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The bytes a byte range claims to cover, as far as it lies within the file. */
    byte[] covered(SignatureField field) {
        int[] range = field.byteRange();
        if (range == null || range.length != 4 || range[0] < 0 || range[1] < 0 || range[2] < 0 || range[3] < 0
                || (long) range[0] + range[1] > pdf.length || field.signedEnd() > pdf.length) {
            return new byte[0];
        }
        byte[] covered = new byte[range[1] + range[3]];
        System.arraycopy(pdf, range[0], covered, 0, range[1]);
        System.arraycopy(pdf, range[2], covered, range[1], range[3]);
        return covered;
    }

    /** The signatures and document timestamps whose revisions end after this one's. */
    List<SignatureField> after(SignatureField field) {
        return fields.stream().filter(other -> other.signedEnd() > field.signedEnd()).toList();
    }

    /** Which revision the signature covers and what was added after it. */
    Coverage coverage(SignatureField field, boolean rangeSound) {
        long end = field.signedEnd();
        int revision = rangeSound ? revisions.revisionEndingAt(end) : 0;
        if (revision == 0) {
            return new Coverage(CoverageStatus.UNKNOWN, 0, revisions.count(), Math.max(end, 0), List.of());
        }
        if (end == pdf.length) {
            return new Coverage(CoverageStatus.WHOLE_DOCUMENT, revision, revisions.count(), end, List.of());
        }
        try (PDDocument signed = revision(end)) {
            List<Change> changes = new ArrayList<>(CoverageCheck.changes(signed, document, after(field)));
            changes.addAll(unsignedTail());
            CoverageStatus status = changes.stream().allMatch(Change::allowed)
                    ? CoverageStatus.ALLOWED_ADDITIONS_ONLY : CoverageStatus.DISALLOWED_MODIFICATION;
            return new Coverage(status, revision, revisions.count(), end, changes);
        } catch (IOException e) {
            return new Coverage(CoverageStatus.UNKNOWN, revision, revisions.count(), end, List.of());
        }
    }

    /** The file cut at {@code end}, parsed on its own under the same limits. */
    PDDocument revision(long end) throws IOException {
        return reading.open(Arrays.copyOf(pdf, (int) end));
    }

    /** What follows the last signature unsigned, found once: it follows every signature. */
    private List<Change> unsignedTail() {
        if (unsignedTail == null) {
            unsignedTail = UnsignedTail.of(this);
        }
        return unsignedTail;
    }
}
