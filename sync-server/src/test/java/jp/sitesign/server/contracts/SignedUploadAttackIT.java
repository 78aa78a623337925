package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.testing.AttackCorpus;
import jp.sitesign.model.signature.testing.AttackCorpus.Attack;
import jp.sitesign.model.signature.testing.Pkcs12Files;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TestTsa;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignedVersionCheck;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One forgery of each family of common-model's {@link AttackCorpus}, uploaded as the assigned signer's signed
 * version through the real {@code PUT …/signed-document}: each is refused with 400 {@code INVALID_SIGNATURE}
 * and the same reason common-model's {@link SignedVersionCheck} gives for the same bytes (the server runs that
 * check, nothing of its own), and the contract stays where it was — then the honest signature is accepted.
 */
class SignedUploadAttackIT {
    private static final String PASSWORD = "p12-pass";
    static TestCa ca;
    static TestTsa tsa;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static AttackCorpus.Signer signer;
    static String aMember;
    static String aSigner;
    static JsonNode contract;
    static byte[] base;

    @BeforeAll
    static void start() throws IOException {
        ca = TestCa.create("SiteSign Attack IT CA");
        tsa = TestTsa.start(ca);
        Path keys = Files.createTempDirectory("sitesign-attack-keys-");
        server = TestServer.start(Map.of("trust.anchors", TestCa.writePem(keys.resolve("root.pem"), ca.root()).toString()));
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        KeyPair pair = TestCa.rsaKeyPair(2048);
        X509Certificate certificate = ca.issueCompanySigner(pair.getPublic(), "元請 署名者", "元請建設株式会社");
        signer = new AttackCorpus.Signer(ca, pair, certificate,
                Pkcs12Files.write(keys.resolve("a.p12"), pair, certificate, ca.root(), "a", PASSWORD), PASSWORD, "a", tsa);
        aMember = server.api().login(a.member().value(), TestServer.PASSWORD);
        aSigner = server.api().login(a.member2().value(), TestServer.PASSWORD);
        String aAdmin = server.api().login(a.admin().value(), TestServer.PASSWORD);
        TestCertificates.bind(server.api(), aAdmin, TestCertificates.register(server.api(), aAdmin, certificate),
                a.member2());
        contract = TestContracts.submitted(server.api(), aMember, b, a.member2(), TestPdfs.multiPage(1));
        base = server.api().get("/api/v1/contracts/" + contract.get("id").asText() + "/document", aSigner).bytes();
    }

    @AfterAll
    static void stop() {
        server.close();
        tsa.close();
    }

    static Stream<Attack> attacks() {
        return AttackCorpus.representative().stream();
    }

    @Test
    void theSampleCoversEveryFamilyAndEveryRefusalReason() {
        assertThat(AttackCorpus.representative()).extracting(Attack::family).containsAll(
                AttackCorpus.all().stream().map(Attack::family).distinct().toList());
        assertThat(AttackCorpus.representative()).extracting(Attack::refusalJa).containsAll(
                AttackCorpus.all().stream().map(Attack::refusalJa).distinct().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theForgedUploadIsRefusedForTheSameReasonAsCommonModelGivesAndNothingMoves(Attack attack) {
        byte[] forged = attack.forge(base, signer);
        SiteSignException local = catchThrowableOfType(SiteSignException.class, () -> new SignedVersionCheck(
                new PadesVerifier(List.of(ca.root()), Clock.systemUTC())).check(base, forged));

        ApiClient.Response r = upload(forged);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("INVALID_SIGNATURE");
        String messageJa = r.json().get("messageJa").asText();
        assertThat(messageJa).contains(attack.refusalJa());
        assertThat(firstLine(messageJa)).as("the server's reason is common-model's")
                .isEqualTo(firstLine(local.messageJa()));
        assertThat(firstLine(r.json().get("messageEn").asText())).isEqualTo(firstLine(local.messageEn()));
        JsonNode now = server.api().get("/api/v1/contracts/" + contract.get("id").asText(), aMember).json();
        assertThat(now.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertThat(now.get("mainDocument").asText()).isEqualTo(contract.get("mainDocument").asText());
        assertThat(now.get("revision").asLong()).isEqualTo(contract.get("revision").asLong());
    }

    @Test
    void afterEveryForgeryTheHonestSignatureIsStillAccepted() {
        JsonNode own = TestContracts.submitted(server.api(), aMember, b, a.member2(), TestPdfs.multiPage(1));
        byte[] ownBase = server.api().get("/api/v1/contracts/" + own.get("id").asText() + "/document", aSigner).bytes();
        attacks().forEach(attack -> assertThat(upload(own, attack.forge(ownBase, signer)).status()).isEqualTo(400));

        ApiClient.Response r = upload(own, signer.sign(ownBase));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).as("on to the counterparty").isEqualTo("IN_APPROVAL");
    }

    private static ApiClient.Response upload(byte[] pdf) {
        return upload(contract, pdf);
    }

    private static ApiClient.Response upload(JsonNode k, byte[] pdf) {
        return server.api().raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/signed-document?revision="
                + k.get("revision").asLong() + "&base=" + k.get("mainDocument").asText(), aSigner, pdf,
                Map.of("Content-Type", "application/pdf"));
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("");
    }
}
