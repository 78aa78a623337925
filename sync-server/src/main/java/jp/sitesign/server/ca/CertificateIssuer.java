package jp.sitesign.server.ca;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A certification authority that issues and revokes signing certificates on the operator's word: what
 * {@code CertificateOperator} (and through it {@code cert issue} and the demo data) needs of the embedded
 * CA, so that issuing does not hang on one implementation. DSS takes its sources through interfaces the
 * same way.
 */
public interface CertificateIssuer {
    /** The issuer's own certificate, the trust anchor of what it issues. */
    X509Certificate certificate();

    /** A signing certificate (digitalSignature, nonRepudiation) for {@code subject}, recorded as issued. */
    X509Certificate issueSigner(PublicKey key, X500Name subject, Duration validity);

    /** Whether this issuer made {@code certificate}. */
    boolean issued(X509Certificate certificate);

    /** From now on the issuer reports the certificate revoked; false when it did not issue it. */
    boolean revoke(Connection c, BigInteger serial, Instant at) throws SQLException;
}
