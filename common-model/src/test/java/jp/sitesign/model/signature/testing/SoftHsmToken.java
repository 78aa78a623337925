package jp.sitesign.model.signature.testing;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real PKCS#11 token for tests: SoftHSM2 with a private token directory, created once per test JVM.
 *
 * <p>SoftHSM2 finds its configuration only through the {@code SOFTHSM2_CONF} environment variable
 * of the process that loads it, and Java cannot change its own environment. So common-model's
 * Surefire configuration sets {@code SOFTHSM2_CONF} to {@code target/softhsm/softhsm2.conf} — a
 * file that does not exist yet — and this fixture writes that file and the token directory next to
 * it before anything loads the library. The library reads its tokens when it is first initialized,
 * so every token is created here, up front: token {@value #LABEL} with an RSA-2048 key
 * ({@value #RSA_ALIAS}) and an EC P-256 key ({@value #EC_ALIAS}), each with a certificate from
 * {@link #ca()} (which serves OCSP and CRLs for B-LT tests) written with the key's {@code --id}, and token {@value #SPARE_LABEL} that no test
 * logs into successfully (for wrong-PIN tests with a fresh provider).
 */
public final class SoftHsmToken {
    public static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String LABEL = "sitesign-test";
    public static final String SPARE_LABEL = "sitesign-spare";
    public static final String PIN = "123456";
    public static final String RSA_ALIAS = "rsa";
    public static final String EC_ALIAS = "ec";
    private static final String SO_PIN = "12345678";

    private static SoftHsmToken shared;

    private final Path conf;
    private final TestCa ca = TestCa.withRevocation("SiteSign Test Token CA");
    private final Map<String, X509Certificate> certificates = new HashMap<>();

    private SoftHsmToken(Path conf) {
        this.conf = conf;
    }

    /** The token set of this test JVM, created on first call. */
    public static synchronized SoftHsmToken shared() {
        if (shared == null) {
            String conf = System.getenv("SOFTHSM2_CONF");
            if (conf == null) {
                fail("SOFTHSM2_CONF is not set: run the tests through Maven (Surefire sets it), "
                        + "or set it to a writable path such as common-model/target/softhsm/softhsm2.conf");
            }
            if (!Files.exists(MODULE)) {
                fail("SoftHSM2 is not installed; install it with: apt-get install -y softhsm2 opensc");
            }
            SoftHsmToken token = new SoftHsmToken(Path.of(conf));
            token.create();
            shared = token;
        }
        return shared;
    }

    public TestCa ca() {
        return ca;
    }

    public X509Certificate certificate(String alias) {
        return certificates.get(alias);
    }

    /** SunPKCS11 configuration text for a token, with its current slot list index. */
    public String sunPkcs11Config(String label) {
        String slots = runOk(List.of("pkcs11-tool", "--module", MODULE.toString(), "--list-slots"));
        Matcher slot = Pattern.compile("Slot (\\d+) \\(0x[0-9a-f]+\\)[^\\n]*\\n\\s+token label\\s+: " + Pattern.quote(label))
                .matcher(slots);
        if (!slot.find()) {
            fail("no SoftHSM slot holds token %s:%n%s", label, slots);
        }
        return "--name=SoftHsmTest\nlibrary=" + MODULE + "\nslotListIndex=" + slot.group(1);
    }

    private void create() {
        try {
            Path dir = conf.getParent();
            Path tokens = dir.resolve("tokens");
            deleteRecursively(tokens);
            Files.createDirectories(tokens);
            Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
            for (String label : List.of(LABEL, SPARE_LABEL)) {
                runOk(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", PIN));
            }
            addKey(dir, RSA_ALIAS, "01", "rsa:2048", "SiteSign Test Signer RSA");
            addKey(dir, EC_ALIAS, "02", "EC:prime256v1", "SiteSign Test Signer EC");
        } catch (IOException e) {
            throw new UncheckedIOException("creating the SoftHSM2 token", e);
        }
    }

    private void addKey(Path dir, String alias, String id, String keyType, String commonName) throws IOException {
        List<String> token = List.of("pkcs11-tool", "--module", MODULE.toString(), "--token-label", LABEL,
                "--login", "--pin", PIN);
        runOk(concat(token, "--keypairgen", "--key-type", keyType, "--id", id, "--label", alias));
        Path publicKey = dir.resolve(alias + "-public.der");
        runOk(concat(token, "--read-object", "--type", "pubkey", "--id", id, "--output-file", publicKey.toString()));
        X509Certificate certificate = ca.issueSigner(readPublicKey(Files.readAllBytes(publicKey)), commonName);
        Path certificateFile = dir.resolve(alias + "-cert.der");
        try {
            Files.write(certificateFile, certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
        // Same --id as the key: otherwise SunPKCS11 shows no key entry for it.
        runOk(concat(token, "--write-object", certificateFile.toString(), "--type", "cert", "--id", id, "--label", alias));
        certificates.put(alias, certificate);
    }

    private static PublicKey readPublicKey(byte[] der) {
        try {
            String algorithm = SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm().getId()
                    .equals("1.2.840.10045.2.1") ? "EC" : "RSA";
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("pkcs11-tool wrote an unreadable public key", e);
        }
    }

    private String runOk(List<String> command) {
        return ExternalTools.runOk(command, Map.of("SOFTHSM2_CONF", conf.toString()));
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Stream.of(tail)).toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
