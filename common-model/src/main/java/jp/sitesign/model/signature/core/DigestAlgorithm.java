package jp.sitesign.model.signature.core;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The CRYPTREC-listed digests a signature may use. */
public enum DigestAlgorithm {
    SHA256("SHA-256", NISTObjectIdentifiers.id_sha256, 32),
    SHA384("SHA-384", NISTObjectIdentifiers.id_sha384, 48),
    SHA512("SHA-512", NISTObjectIdentifiers.id_sha512, 64);

    private final String jcaName;
    private final ASN1ObjectIdentifier oid;
    private final int length;

    DigestAlgorithm(String jcaName, ASN1ObjectIdentifier oid, int length) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.length = length;
    }

    public String jcaName() {
        return jcaName;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** The digest's output length in bytes (also the PSS salt length used with it). */
    public int length() {
        return length;
    }

    /** The identifier with absent parameters, as RFC 5754 asks for SHA-2. */
    public AlgorithmIdentifier identifier() {
        return new AlgorithmIdentifier(oid);
    }

    /** The identifier with NULL parameters, the form RSASSA-PSS parameters carry. */
    AlgorithmIdentifier identifierWithNull() {
        return new AlgorithmIdentifier(oid, DERNull.INSTANCE);
    }

    public byte[] digest(byte[] data) {
        return newDigest().digest(data);
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime has " + jcaName, e);
        }
    }
}
