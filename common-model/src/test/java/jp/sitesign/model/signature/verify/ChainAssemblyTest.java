package jp.sitesign.model.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jp.sitesign.model.signature.testing.TestCa;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Certificate chains as a signer's CMS may carry them: the path from the signer through intermediate CAs to a
 * configured anchor is found among the certificates at hand whatever their order, and is then judged by the
 * JDK's PKIX validator — so an intermediate that is expired, or is no CA, or an issuer that only has the right
 * name, does not make a signer trusted; a loop or a path deeper than the limit ends the search.
 */
class ChainAssemblyTest {
    private static final Instant NOW = Instant.now();
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    /** A CA or end entity: its key and its certificate. */
    private record Party(String name, KeyPair keys, X509Certificate certificate) {
    }

    private static Party root(String name) {
        KeyPair keys = TestCa.ecKeyPair("secp256r1");
        return new Party(name, keys, certificate(name, keys, name, keys, true, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(3650))));
    }

    private static Party ca(String name, Party issuer) {
        return issued(name, issuer, true, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1000)));
    }

    private static Party signer(String name, Party issuer) {
        return issued(name, issuer, false, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    }

    private static Party issued(String name, Party issuer, boolean ca, Instant from, Instant to) {
        KeyPair keys = TestCa.ecKeyPair("secp256r1");
        return new Party(name, keys, certificate(name, keys, issuer.name(), issuer.keys(), ca, from, to));
    }

    /** Another certificate for {@code subject}'s key, issued by {@code issuer} (cross-certification). */
    private static X509Certificate crossCertified(Party subject, Party issuer) {
        return certificate(subject.name(), subject.keys(), issuer.name(), issuer.keys(), true,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1000)));
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            boolean ca, Instant from, Instant to) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer + ",O=Chain Test"),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to),
                    new X500Name("CN=" + subject + ",O=Chain Test"), subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static IdentityCheck.Result check(Party signer, Collection<X509Certificate> pool, Party... anchors) {
        return check(signer, pool, NOW, anchors);
    }

    private static IdentityCheck.Result check(Party signer, Collection<X509Certificate> pool, Instant at, Party... anchors) {
        List<X509Certificate> anchorCertificates = new ArrayList<>();
        for (Party anchor : anchors) {
            anchorCertificates.add(anchor.certificate());
        }
        return new IdentityCheck(anchorCertificates).check(signer.certificate(), pool, at);
    }

    private static List<String> names(IdentityCheck.Result result) {
        return result.chain().stream().map(c -> c.getSubjectX500Principal().getName().replace("O=Chain Test,", ""))
                .toList();
    }

    @Test
    void aSignerUnderAnIntermediateChainsThroughItToTheAnchor() {
        Party root = root("Root");
        Party intermediate = ca("Intermediate", root);
        Party alice = signer("Alice", intermediate);

        IdentityCheck.Result result = check(alice, List.of(alice.certificate(), intermediate.certificate()), root);

        assertThat(result.identity().status()).isEqualTo(TrustStatus.TRUSTED);
        assertThat(result.anchorReached()).isTrue();
        assertThat(names(result)).containsExactly("CN=Alice", "CN=Intermediate", "CN=Root");
        assertThat(result.identity().chain()).hasSize(3);
    }

    @Test
    void withoutTheIntermediateAtHandThereIsNoPath() {
        Party root = root("Root");
        Party intermediate = ca("Intermediate", root);
        Party alice = signer("Alice", intermediate);

        IdentityCheck.Result result = check(alice, List.of(alice.certificate()), root);

        assertThat(result.identity().status()).isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
        assertThat(result.anchorReached()).isFalse();
        assertThat(result.identity().detail()).contains("no path from", "CN=Alice");
    }

    @Test
    void anIssuerWithTheRightNameButAnotherKeyIsPassedOverForTheRealOne() {
        Party root = root("Root");
        Party intermediate = ca("Intermediate", root);
        Party impostor = ca("Intermediate", root);
        Party alice = signer("Alice", intermediate);

        IdentityCheck.Result result = check(alice, List.of(impostor.certificate(), intermediate.certificate()), root);

        assertThat(result.identity().status()).isEqualTo(TrustStatus.TRUSTED);
        assertThat(result.chain().get(1)).isEqualTo(intermediate.certificate());
    }

    @Test
    void aCrossSignedIntermediateReachesWhicheverRootIsConfigured() {
        Party oldRoot = root("Old Root");
        Party newRoot = root("New Root");
        Party intermediate = ca("Intermediate", oldRoot);
        X509Certificate byNewRoot = crossCertified(intermediate, newRoot);
        Party alice = signer("Alice", intermediate);
        List<X509Certificate> pool = List.of(alice.certificate(), intermediate.certificate(), byNewRoot);

        assertThat(names(check(alice, pool, oldRoot))).containsExactly("CN=Alice", "CN=Intermediate", "CN=Old Root");
        assertThat(check(alice, pool, oldRoot).identity().status()).isEqualTo(TrustStatus.TRUSTED);
        IdentityCheck.Result viaNew = check(alice, pool, newRoot);
        assertThat(viaNew.identity().status()).as(viaNew.identity().detail()).isEqualTo(TrustStatus.TRUSTED);
        assertThat(names(viaNew)).containsExactly("CN=Alice", "CN=Intermediate", "CN=New Root");
        assertThat(viaNew.chain().get(1)).isEqualTo(byNewRoot);
    }

    @Test
    void twoCasCertifyingEachOtherAreALoopThatEndsUntrusted() {
        Party x = root("X");
        Party y = root("Y");
        X509Certificate xByY = crossCertified(x, y);
        X509Certificate yByX = crossCertified(y, x);
        Party alice = signer("Alice", x);

        IdentityCheck.Result result = check(alice, List.of(xByY, yByX), root("Somebody Else"));

        assertThat(result.identity().status()).isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
        assertThat(names(result)).containsExactly("CN=Alice", "CN=X", "CN=Y");
    }

    @Test
    void aPathOfTenCertificatesIsFollowedAndOneOfElevenIsTooDeep() {
        Party root = root("Root");
        List<X509Certificate> pool = new ArrayList<>();
        Party issuer = root;
        List<Party> cas = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            issuer = ca("CA " + i, issuer);
            cas.add(issuer);
            pool.add(issuer.certificate());
        }
        Party underNine = signer("Nine Deep", cas.get(8));
        Party underTen = signer("Ten Deep", cas.get(9));

        IdentityCheck.Result nine = check(underNine, pool, root);
        IdentityCheck.Result ten = check(underTen, pool, root);

        assertThat(nine.identity().status()).as("signer + 9 CAs, then the anchor").isEqualTo(TrustStatus.TRUSTED);
        assertThat(nine.chain()).hasSize(11);
        assertThat(ten.identity().status()).as("signer + 10 CAs: beyond the limit").isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
        assertThat(ten.anchorReached()).isFalse();
        assertThat(ten.chain()).hasSize(10);
    }

    @Test
    void manyCandidateIssuersAtEveryLevelEndTheSearchUntrustedInsteadOfTryingEveryPath() {
        // Four certificates for each of nine CAs, each issued by the CA above: 4^9 paths lead nowhere.
        List<X509Certificate> pool = new ArrayList<>();
        Party issuer = root("Unanchored Root");
        for (int level = 1; level <= 9; level++) {
            Party ca = ca("Level " + level, issuer);
            pool.add(ca.certificate());
            for (int copy = 1; copy < 4; copy++) {
                pool.add(crossCertified(ca, issuer));
            }
            issuer = ca;
        }
        Party alice = signer("Alice", issuer);

        IdentityCheck.Result result = check(alice, pool, root("Root"));

        assertThat(result.identity().status()).isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
        assertThat(names(result)).as("the first path, as far as it goes").startsWith("CN=Alice", "CN=Level 9", "CN=Level 8");
    }

    @Test
    void anExpiredIntermediateMakesTheSignerExpiredNowButNotWhenItWasValid() {
        Party root = root("Root");
        Party intermediate = issued("Intermediate", root, true, NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(1)));
        Party alice = issued("Alice", intermediate, false, NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(300)));
        List<X509Certificate> pool = List.of(intermediate.certificate());

        assertThat(check(alice, pool, root).identity().status()).isEqualTo(TrustStatus.EXPIRED);
        assertThat(check(alice, pool, NOW.minus(Duration.ofDays(30)), root).identity().status())
                .as("judged at a time a timestamp proves").isEqualTo(TrustStatus.TRUSTED);
        assertThat(check(alice, pool, NOW.minus(Duration.ofDays(350)), root).identity().status())
                .as("before the signer's certificate began").isEqualTo(TrustStatus.NOT_YET_VALID);
    }

    @Test
    void anIntermediateThatIsNoCaDoesNotMakeItsSubjectsTrusted() {
        Party root = root("Root");
        Party notACa = signer("Bob", root);
        Party mallory = signer("Mallory", notACa);

        IdentityCheck.Result result = check(mallory, List.of(notACa.certificate()), root);

        assertThat(result.anchorReached()).as("a path exists by name and signature").isTrue();
        assertThat(result.identity().status()).isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
    }

    @Test
    void withNoAnchorsConfiguredNobodyIsTrusted() {
        Party root = root("Root");
        Party alice = signer("Alice", root);

        IdentityCheck.Result result = check(alice, List.of(root.certificate()));

        assertThat(result.identity().status()).isEqualTo(TrustStatus.UNTRUSTED_CHAIN);
    }
}
