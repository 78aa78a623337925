package jp.sitesign.server.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.signature.token.SigningKeySource;
import jp.sitesign.server.config.DataDir;
import jp.sitesign.server.config.ServerConfig;
import jp.sitesign.server.storage.MasterKey;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The server's own sealing key and certificate, with which it seals the 締結証明書 of evidence packages (ADR 24) and
 * the 送付のみ contracts integration applications send (ADR 34):
 * a PKCS#12 the operator configured ({@code seal.keystore}, issued by a real CA), or — where the embedded CA runs
 * ({@code demo-ca.enabled}) — a key made on first use in the data folder ({@value #GENERATED_FILE}, 0600, its
 * password derived from the master key) and certified by that CA, the way {@code cert issue} certifies signers.
 * Without either, evidence packages cannot be sealed and the server says so.
 */
public final class ServerSeal {
    public static final String GENERATED_FILE = "server-seal.p12";
    /** The subject of a seal the embedded CA certifies: DEMO, as everything that CA issues says. */
    public static final X500Name EMBEDDED_CA_SUBJECT = new X500Name("CN=SiteSign server seal (DEMO),O=SiteSign DEMO,C=JP");
    private static final String ALIAS = "seal";

    /** Certifies a new seal key: the embedded CA's issuer, as the server wires it. */
    @FunctionalInterface
    public interface Issuer {
        /** The certificate for {@code key} and {@code subject}, followed by the CA certificates above it. */
        List<X509Certificate> issue(PublicKey key, X500Name subject);
    }

    private final Path file;
    private final char[] password;
    private final Issuer issuer;

    private ServerSeal(Path file, char[] password, Issuer issuer) {
        this.file = file;
        this.password = password;
        this.issuer = issuer;
    }

    /** The configured seal, else one the embedded CA ({@code issuer}, null when off) certifies; null with neither. */
    public static ServerSeal from(ServerConfig config, MasterKey masterKey, Issuer issuer) {
        String configured = config.get("seal.keystore");
        if (!configured.isBlank()) {
            return new ServerSeal(Path.of(configured.strip()), config.get("seal.keystore-password").toCharArray(),
                    null);
        }
        if (issuer == null) {
            return null;
        }
        return new ServerSeal(config.dataDir().resolve(GENERATED_FILE),
                masterKey.derivePassword("server-seal").toCharArray(), issuer);
    }

    /** Where the key is, made and certified now if it is the generated one and does not exist yet. */
    synchronized SigningKeySource keys() {
        if (issuer != null && !Files.exists(file)) {
            generate();
        }
        return new Pkcs12KeySource(file);
    }

    /** The PKCS#12's password, asked as its PIN (a fresh copy each time: the engine clears it). */
    PinCallback pin() {
        return what -> password.clone();
    }

    /** The alias of the key entry: the configured file's first key entry, or the generated one's. */
    String alias() {
        if (issuer != null) {
            return ALIAS;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String a : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    return a;
                }
            }
            throw unusable("no key entry in " + file);
        } catch (IOException | GeneralSecurityException e) {
            throw unusable(file + ": " + e.getMessage());
        }
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            List<X509Certificate> chain = issuer.issue(pair.getPublic(), EMBEDDED_CA_SUBJECT);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            DataDir.writeSecret(file, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the server's seal key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the server's seal key", e);
        }
    }

    private static SiteSignException unusable(String detail) {
        return SealMessage.KEY_UNUSABLE.exception(detail);
    }
}
