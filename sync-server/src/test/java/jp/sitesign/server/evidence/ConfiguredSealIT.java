package jp.sitesign.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.evidence.EvidenceCheck;
import jp.sitesign.model.evidence.EvidenceChecker;
import jp.sitesign.model.evidence.EvidencePackage;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.VerificationReport;
import jp.sitesign.server.seal.ServerSeal;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with its seal configured ({@code seal.keystore}, a PKCS#12 its CA issued) seals certificates with that
 * key, not one from the embedded CA: the package is consistent and trusted with that CA alone.
 */
class ConfiguredSealIT {

    @Test
    void theConfiguredSealKeySealsTheCertificate(@TempDir Path dir) throws Exception {
        try (TestSigners signers = TestSigners.start()) {
            Path keystore = Pkcs12Files.write(dir.resolve("seal.p12"), signers.ca(), TestCa.rsaKeyPair(2048), "seal",
                    "SiteSign Evidence Seal 工事会社", "seal-pass");
            Map<String, String> settings = new HashMap<>(signers.serverSettingsWithTsa());
            settings.put("seal.keystore", keystore.toString());
            settings.put("seal.keystore-password", "seal-pass");
            TestServer server = TestServer.start(settings);
            try {
                ApiClient api = server.api();
                Completed k = completed(server, signers);
                String id = k.id();

                ApiClient.Response r = api.get("/api/v1/contracts/" + id + "/evidence", k.senderToken());

                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                byte[] certificate = EvidencePackage.read(r.bytes()).get(EvidencePackage.CERTIFICATE_PDF);
                VerificationReport seal = new PadesVerifier(List.of(signers.ca().root()), Clock.systemUTC())
                        .verify(certificate);
                assertThat(seal.allValid()).as(seal.toText()).isTrue();
                assertThat(seal.signatures()).extracting(s -> s.kind())
                        .containsExactly(SignatureKind.SIGNATURE, SignatureKind.DOCUMENT_TIMESTAMP);
                assertThat(seal.signatures().get(0).identity().subject()).contains("SiteSign Evidence Seal");
                EvidenceCheck check = new EvidenceChecker(List.of(signers.ca().root()), Clock.systemUTC())
                        .check(r.bytes());
                assertThat(check.problems()).as(check.toText(java.util.Locale.ENGLISH)).isEmpty();
                assertThat(server.dataDir().resolve(ServerSeal.GENERATED_FILE)).as("no key from the embedded CA")
                        .doesNotExist();
                assertThat(Files.exists(keystore)).isTrue();
            } finally {
                server.close();
            }
        }
    }

    @Test
    void withoutATsaTheServerSaysWhichSettingIsMissing_409() {
        try (TestSigners signers = TestSigners.start()) {
            TestServer server = TestServer.start(signers.serverSettings());
            try {
                ApiClient api = server.api();
                Completed k = completed(server, signers);
                String id = k.id();

                ApiClient.Response r = api.get("/api/v1/contracts/" + id + "/evidence", k.receiverToken());

                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.json().get("messageJa").asText()).contains("tsa.url");
                assertThat(r.json().get("messageEn").asText()).contains("tsa.url", "administrator");
            } finally {
                server.close();
            }
        }
    }

    /** A completed contract between two new companies, and a member's session of each. */
    private record Completed(String id, String senderToken, String receiverToken) {
    }

    private static Completed completed(TestServer server, TestSigners signers) {
        TestServer.TestCompany a = server.createCompany("元請建設株式会社");
        TestServer.TestCompany b = server.createCompany("協力工業株式会社");
        ApiClient api = server.api();
        String aMember = api.login(a.member().value(), TestServer.PASSWORD);
        String bMember = api.login(b.member().value(), TestServer.PASSWORD);
        signers.grant(api, api.login(a.admin().value(), TestServer.PASSWORD), "元請建設株式会社", a.member2());
        signers.grant(api, api.login(b.admin().value(), TestServer.PASSWORD), "協力工業株式会社", b.member2());
        JsonNode submitted = TestContracts.submitted(api, aMember, b, a.member2(), TestPdfs.multiPage(1));
        String id = signers.complete(api, submitted, a.member2(), api.login(a.member2().value(), TestServer.PASSWORD),
                bMember, b.member2(), api.login(b.member2().value(), TestServer.PASSWORD)).get("id").asText();
        return new Completed(id, aMember, bMember);
    }
}
