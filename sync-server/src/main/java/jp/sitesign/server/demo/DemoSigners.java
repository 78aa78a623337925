package jp.sitesign.server.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.ca.DemoCa;
import jp.sitesign.server.certificates.CertificateApplication;
import jp.sitesign.server.certificates.CertificateOperator;
import jp.sitesign.server.config.DataDir;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Gives a demo user 署名権限 the way a company gets it: the key is made first (as on a token) and its
 * CSR goes with the company owner's application for a certificate, the operator fulfils it from the DEMO
 * CA, and the owner binds the certificate to the user. The key and its chain are then written as a
 * PKCS#12 file (a software token, 0600) in the data folder's {@code tokens} folder, with a random PIN.
 */
final class DemoSigners {
    static final String TOKENS_FOLDER = "tokens";
    /** The key's alias inside every demo PKCS#12 file. */
    static final String KEY_ALIAS = "demo";

    private DemoSigners() {
    }

    /** A demo signer: who, their certificate, their PKCS#12 file and its PIN. */
    record Signer(DemoCompanies.Person person, String certificateNumber, Path p12, String pin) {
    }

    static Signer issue(ServerContext ctx, DemoSessions sessions, DemoCompanies.Company company,
            DemoCompanies.Person holder) {
        KeyPair keys = DemoCa.newKeyPair();
        var owner = sessions.of(company.owner());
        var profile = holder.profile();
        CertificateApplication application = ctx.certificateApplications().apply(owner,
                new CertificateApplication.Holder(holder.name(), profile.department(), profile.title(), profile.email()),
                "デモ用の署名鍵（DEMO）: " + holder.name(), csr(keys, holder.name()));
        CertificateOperator.Issued issued = ctx.certificateOperator().issueFromDemoCa(application.id());
        ctx.certificates().bind(owner, holder.id(), issued.number());
        String pin = DemoCompanies.random(12);
        Path file = DataDir.ensure(ctx.config().dataDir().resolve(TOKENS_FOLDER))
                .resolve("DEMO-" + holder.id().value() + ".p12");
        DataDir.writeSecret(file, pkcs12(keys, new Certificate[] {issued.certificate(), issued.caCertificate()}, pin));
        return new Signer(holder, issued.number(), file, pin);
    }

    private static String csr(KeyPair keys, String name) {
        try {
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=DEMO " + name), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(request);
            }
            return pem.toString();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the demo certificate request", e);
        }
    }

    private static byte[] pkcs12(KeyPair keys, Certificate[] chain, String pin) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(KEY_ALIAS, keys.getPrivate(), pin.toCharArray(), chain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, pin.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the demo signing key", e);
        }
    }
}
