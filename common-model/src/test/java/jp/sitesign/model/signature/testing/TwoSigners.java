package jp.sitesign.model.signature.testing;

import java.nio.file.Path;
import java.time.Clock;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.token.Pkcs12KeySource;

/** A test CA and two signers it certified, Alice (RSA-2048) and Bob (ECDSA P-256), as PKCS#12 files that sign B-B. */
public final class TwoSigners {
    /** The password of both PKCS#12 files. */
    public static final String PASSWORD = "p12-secret";

    private final TestCa ca;
    private final Path alice;
    private final Path bob;
    private final PadesSigner signer = new PadesSigner(Clock.systemUTC());

    private TwoSigners(TestCa ca, Path alice, Path bob) {
        this.ca = ca;
        this.alice = alice;
        this.bob = bob;
    }

    /** Makes the CA and writes the key files (aliases "alice" and "bob") into {@code dir}. */
    public static TwoSigners create(Path dir, String caName) {
        TestCa ca = TestCa.create(caName);
        return new TwoSigners(ca,
                Pkcs12Files.write(dir.resolve("alice.p12"), ca, TestCa.rsaKeyPair(2048), "alice", "Alice", PASSWORD),
                Pkcs12Files.write(dir.resolve("bob.p12"), ca, TestCa.ecKeyPair("secp256r1"), "bob", "Bob", PASSWORD));
    }

    public TestCa ca() {
        return ca;
    }

    /** Alice's key file (alias "alice"). */
    public Path aliceKeys() {
        return alice;
    }

    /** {@code pdf} signed B-B by Alice. */
    public byte[] alice(byte[] pdf) throws SigningException {
        return sign(pdf, alice, "alice");
    }

    /** {@code pdf} signed B-B by Bob. */
    public byte[] bob(byte[] pdf) throws SigningException {
        return sign(pdf, bob, "bob");
    }

    private byte[] sign(byte[] pdf, Path keys, String alias) throws SigningException {
        return signer.sign(pdf, new Pkcs12KeySource(keys), what -> PASSWORD.toCharArray(), SignatureRequest.basic(alias));
    }
}
