package jp.sitesign.server.certificates;

import java.time.Instant;

/**
 * An admin's application for an additional signing certificate, and how the operator fulfilled it.
 *
 * @param csrPem a PKCS#10 request made on the holder's token, or null (the demo CA then makes the key)
 * @param certificateNumber the certificate that fulfilled it, or null while PENDING
 */
public record CertificateApplication(long id, String companyId, String appliedBy, Instant appliedAt,
        Holder holder, String reason, String csrPem, Status status, String certificateNumber, Instant fulfilledAt) {

    /** Who the certificate is for, as the subject will say it (department and title) and whom to contact. */
    public record Holder(String name, String department, String title, String email) {
    }

    /** What the application says, sealed under the company key. */
    public record Content(Holder holder, String reason, String csrPem) {
    }

    /** Where the application stands. */
    public enum Status {
        PENDING, FULFILLED
    }
}
