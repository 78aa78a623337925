package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the validation data for certificate chains: every certificate, and for each one that is not
 * self-signed its revocation status — from the OCSP responders it names first, and from its CRL
 * distribution points if no responder gives a usable answer. A certificate revoked before the
 * signature is proven to have existed stops everything (CERTIFICATE_REVOKED); a certificate whose
 * status nobody could give is REVOCATION_UNAVAILABLE, naming each server tried and what went wrong.
 *
 * <p>A fetcher keeps no answers between calls, so one instance may serve a whole application; only a
 * {@link #forBatch batch's} fetcher keeps them, for its batch.
 */
public final class RevocationFetcher {
    /** How old an OCSP response without our nonce may be. */
    public static final Duration DEFAULT_OCSP_MAX_AGE = Duration.ofHours(24);

    private static final String OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";

    private final OcspClient ocsp;
    private final CrlClient crl;
    private final IssuerDownload issuers;
    private final RevocationHttp transport;
    /** A batch's answers, kept for this fetcher's life; null for a fetcher that keeps nothing between calls. */
    private final Map<X509Certificate, Status> kept;

    /** With the JDK's default HTTP client (no proxy), made at the first fetch, and the system clock. */
    public RevocationFetcher() {
        this(Clock.systemUTC());
    }

    /** With the JDK's default HTTP client, made at the first fetch, and {@code clock} for freshness checks. */
    public RevocationFetcher(Clock clock) {
        this(RevocationHttp.withDefaultClient(), clock, DEFAULT_OCSP_MAX_AGE, null);
    }

    /**
     * For one batch of signatures (a command-line run): each certificate's OCSP or CRL answer is fetched once and
     * reused for every document of the batch, which shares its signer's and TSA's chains. Not for a server: the
     * answers are kept as long as the fetcher lives, and a fetcher serving for days would serve stale ones.
     */
    public static RevocationFetcher forBatch(Clock clock) {
        return new RevocationFetcher(RevocationHttp.withDefaultClient(), clock, DEFAULT_OCSP_MAX_AGE,
                new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** With a configured HTTP client (proxy, TLS trust) supplied by the application. */
    public RevocationFetcher(HttpClient http, Clock clock, Duration ocspMaxAge) {
        this(new RevocationHttp(http), clock, ocspMaxAge, null);
    }

    private RevocationFetcher(RevocationHttp transport, Clock clock, Duration ocspMaxAge,
                              Map<X509Certificate, Status> kept) {
        this.transport = transport;
        this.kept = kept;
        this.ocsp = new OcspClient(transport, clock, ocspMaxAge);
        this.crl = new CrlClient(transport, clock);
        this.issuers = new IssuerDownload(transport);
    }

    /** Whether this fetcher has an HTTP client yet: the default one is made at the first fetch. */
    boolean connected() {
        return transport.connected();
    }

    /**
     * For a chain in use now (signing): any revocation is an error.
     *
     * @param chain a certificate chain, end entity first, each certificate issued by the next; an
     *              incomplete chain is completed from the AIA caIssuers URLs
     * @throws SigningException REVOCATION_UNAVAILABLE or CERTIFICATE_REVOKED
     */
    public ValidationData forChain(List<X509Certificate> chain) throws SigningException {
        return forChain(chain, null, new HashMap<>());
    }

    /**
     * For a chain whose signature is proven to have existed at {@code provenAt} (by a timestamp): a
     * revocation after that time does not invalidate it, so its data is kept as it is, for the
     * verifier to weigh; a revocation at or before it is CERTIFICATE_REVOKED.
     *
     * @param provenAt {@code null} if nothing proves the signature older than now
     */
    public ValidationData forChain(List<X509Certificate> chain, Instant provenAt) throws SigningException {
        return forChain(chain, provenAt, new HashMap<>());
    }

    /** As {@link #forChain(List, Instant)}, reusing the answers in {@code done} (a document's chains share certificates). */
    ValidationData forChain(List<X509Certificate> chain, Instant provenAt, Map<X509Certificate, Status> done)
            throws SigningException {
        ValidationData data = new ValidationData();
        List<X509Certificate> complete = new ArrayList<>(chain);
        for (int i = 0; i < complete.size(); i++) {
            X509Certificate certificate = complete.get(i);
            data.addCertificate(encoded(certificate));
            if (needsRevocationData(certificate)) {
                if (i + 1 >= complete.size()) {
                    complete.add(downloadIssuer(certificate));
                }
                Status status = done.get(certificate);
                if (status == null && kept != null) {
                    status = kept.get(certificate);
                }
                if (status == null) {
                    status = fetch(certificate, complete.get(i + 1));
                    if (kept != null) {
                        kept.put(certificate, status);
                    }
                }
                done.put(certificate, status);
                if (status.revocation() != null && (provenAt == null || !status.revocation().after(provenAt))) {
                    throw status.revocation().error(certificate);
                }
                data.addAll(status.data());
            }
        }
        return data;
    }

    /** What the servers said about one certificate: the data to store, and a revocation if any. */
    record Status(ValidationData data, Revocation revocation) {
    }

    private X509Certificate downloadIssuer(X509Certificate certificate) throws SigningException {
        try {
            X509Certificate issuer = issuers.issuerOf(certificate);
            if (issuer == null) {
                throw unavailable(certificate, "its issuer's certificate is neither in the signature nor named by the certificate");
            }
            return issuer;
        } catch (RevocationFetchException e) {
            throw unavailable(certificate, "its issuer's certificate could not be downloaded: " + e.getMessage());
        }
    }

    /** OCSP first; the CRLs only if no responder gave a usable answer. */
    private Status fetch(X509Certificate certificate, X509Certificate issuer) throws SigningException {
        List<URI> ocspUrls = CertificateUrls.ocsp(certificate);
        List<URI> crlUrls = CertificateUrls.crl(certificate);
        if (ocspUrls.isEmpty() && crlUrls.isEmpty()) {
            throw unavailable(certificate, "it names no OCSP responder and no CRL distribution point");
        }
        List<String> failures = new ArrayList<>();
        for (URI url : ocspUrls) {
            try {
                OcspClient.Answer answer = ocsp.fetch(url, certificate, issuer);
                ValidationData data = new ValidationData().addOcspResponse(answer.encoded());
                for (X509Certificate responder : answer.responderCertificates()) {
                    data.addCertificate(encoded(responder));
                }
                return new Status(data, answer.revocation());
            } catch (RevocationFetchException e) {
                failures.add(e.getMessage());
            }
        }
        for (URI url : crlUrls) {
            try {
                CrlClient.Answer answer = crl.fetch(url, certificate, issuer);
                return new Status(new ValidationData().addCrl(answer.encoded()), answer.revocation());
            } catch (RevocationFetchException e) {
                failures.add(e.getMessage());
            }
        }
        throw unavailable(certificate, String.join("; ", failures));
    }

    /** Trust anchors, and OCSP responders marked id-pkix-ocsp-nocheck, are not checked for revocation. */
    private static boolean needsRevocationData(X509Certificate certificate) {
        boolean selfIssued = certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
        return !selfIssued && certificate.getExtensionValue(OCSP_NO_CHECK) == null;
    }

    private static SigningException unavailable(X509Certificate certificate, String reason) {
        return new SigningException(SigningError.REVOCATION_UNAVAILABLE,
                certificate.getSubjectX500Principal().getName(), reason);
    }

    private static byte[] encoded(X509Certificate certificate) throws SigningException {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw unavailable(certificate, "the certificate cannot be encoded");
        }
    }
}
