package jp.sitesign.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.evidence.EvidenceCheck;
import jp.sitesign.model.evidence.EvidenceChecker;
import jp.sitesign.model.evidence.EvidencePackage;
import jp.sitesign.model.evidence.EvidenceStatement;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence package (issue 15) on a real server with a real CA and TSA: both parties of a completed contract
 * download it; its certificate is sealed by the server (pdfsig, qpdf and openssl agree) and states the PDF's hash,
 * signers, times and each company's own audit trail; the offline checker finds it consistent; a third company
 * does not find the contract, an unfinished one is refused with 409, and a renewed archive timestamp yields a
 * package around the new PDF.
 */
class EvidenceIT {
    static TestSigners signers;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static TestServer.TestCompany c;
    static String aMember;
    static String aSigner;
    static String bMember;
    static String bSigner;
    static String bAdmin;
    static String cAdmin;

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        Map<String, String> settings = new HashMap<>(signers.serverSettingsWithTsa());
        // Every completed contract is due for renewal at once: the renewal test runs the job by hand.
        settings.put("archive.renew-days-before", "100000");
        server = TestServer.start(settings);
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        c = server.createCompany("無関係商事株式会社");
        aMember = login(a.member());
        aSigner = login(a.member2());
        bMember = login(b.member());
        bSigner = login(b.member2());
        bAdmin = login(b.admin());
        cAdmin = login(c.admin());
        signers.grant(api(), login(a.admin()), "元請建設株式会社", a.member2());
        signers.grant(api(), bAdmin, "協力工業株式会社", b.member2());
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @Test
    void bothPartiesDownloadASealedConsistentPackage_eachWithItsOwnAuditTrail(@TempDir Path dir) throws Exception {
        String id = complete().get("id").asText();
        byte[] pdf = api().get("/api/v1/contracts/" + id + "/document", aMember).bytes();

        ApiClient.Response forA = api().get("/api/v1/contracts/" + id + "/evidence", aMember);
        ApiClient.Response forB = api().get("/api/v1/contracts/" + id + "/evidence", bAdmin);

        for (ApiClient.Response r : List.of(forA, forB)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                    .contains(".zip");
            Map<String, byte[]> entries = EvidencePackage.read(r.bytes());
            assertThat(entries.keySet()).containsExactly("contract.pdf", "certificate.pdf", "report.json",
                    "report-ja.txt", "report-en.txt", "manifest.json");
            assertThat(entries.get("contract.pdf")).as("the B-LTA PDF as stored").isEqualTo(pdf);
            assertThat(new String(entries.get("report-ja.txt"), StandardCharsets.UTF_8)).contains("署名");
            assertThat(new String(entries.get("report-en.txt"), StandardCharsets.UTF_8)).contains("Signature");
            assertThat(new String(entries.get("report.json"), StandardCharsets.UTF_8)).contains("\"allValid\" : true");
            EvidenceCheck check = new EvidenceChecker(anchors(), Clock.systemUTC()).check(r.bytes());
            assertThat(check.problems()).as(check.toText(java.util.Locale.ENGLISH)).isEmpty();
            assertThat(check.trustChecked()).isTrue();
        }

        byte[] certificate = EvidencePackage.read(forA.bytes()).get("certificate.pdf");
        Path file = Files.write(dir.resolve("certificate.pdf"), certificate);
        List<X509Certificate> tsaChain = new ArrayList<>(signers.tsa().chain());
        IndependentChecks.assertValidWithDocumentTimestamps(file, 1, 1, dir, tsaChain.toArray(X509Certificate[]::new));

        EvidenceStatement toA = EvidenceStatement.readFrom(certificate).orElseThrow();
        assertThat(toA.documentSha256()).isEqualTo(Digests.sha256Hex(pdf));
        assertThat(toA.contractId()).isEqualTo(id);
        assertThat(toA.issuedFor()).isEqualTo(a.id().value());
        assertThat(toA.parties()).extracting(EvidenceStatement.Party::name)
                .containsExactly("元請建設株式会社", "協力工業株式会社");
        assertThat(toA.signatures()).filteredOn(s -> s.kind().equals("SIGNATURE")).hasSize(2)
                .allSatisfy(s -> {
                    assertThat(s.subject()).contains("署名者");
                    assertThat(s.serialNumber()).isNotBlank();
                    assertThat(s.issuer()).contains("SiteSign IT CA");
                    assertThat(s.provenTime()).endsWith("+09:00");
                    assertThat(s.timeSource()).isEqualTo("SIGNATURE_TIMESTAMP");
                });
        assertThat(toA.events()).extracting(EvidenceStatement.StatedEvent::action)
                .contains("CONTRACT_CREATED", "CONTRACT_SUBMITTED", "CONTRACT_SIGNED", "DOCUMENT_OPENED");
        assertThat(toA.events()).filteredOn(e -> e.action().equals("CONTRACT_SIGNED"))
                .extracting(EvidenceStatement.StatedEvent::actor)
                .containsExactly(a.member2().value(), b.member2().value());
        assertThat(toA.events()).allSatisfy(e -> {
            assertThat(e.time()).endsWith("+09:00");
            assertThat(e.clientIp()).isNotBlank();
        });

        EvidenceStatement toB = EvidenceStatement.readFrom(EvidencePackage.read(forB.bytes()).get("certificate.pdf"))
                .orElseThrow();
        assertThat(toB.issuedFor()).isEqualTo(b.id().value());
        assertThat(toB.events()).as("the sender's internal steps stay the sender's")
                .noneMatch(e -> e.companyId().equals(a.id().value()) && !e.action().equals("CONTRACT_SIGNED"));
        assertThat(toB.events()).anyMatch(e -> e.action().equals("CONTRACT_SIGNED")
                && e.actor().equals(a.member2().value()));
        assertThat(toB.events()).anyMatch(e -> e.action().equals("PARTY_ROUTE_SET"));

        JsonNode logA = ok(api().get("/api/v1/audit?action=DOCUMENT_OPENED", login(a.admin()))).get("items");
        assertThat(logA).as("the download is audited like a document download").anySatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo(a.member().value());
            assertThat(e.get("target").asText()).isEqualTo(id);
            assertThat(e.get("details").asText()).contains("sha256=" + Digests.sha256Hex(pdf), "via=evidence");
        });
    }

    @Test
    void anIntegrationKeyNeedsDocumentsReadAsForTheDocument() throws Exception {
        String id = complete().get("id").asText();
        String admin = login(a.admin());
        String readOnly = jp.sitesign.server.integration.ApiApps.keyFor(server, admin, "contracts:read");
        String withDocuments = jp.sitesign.server.integration.ApiApps.keyFor(server, admin, "contracts:read",
                "documents:read");

        ApiClient.Response refused = api().get("/api/v1/contracts/" + id + "/evidence", readOnly);
        ApiClient.Response given = api().get("/api/v1/contracts/" + id + "/evidence", withDocuments);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("API_SCOPE_MISSING");
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        assertThat(EvidencePackage.read(given.bytes())).containsKey(EvidencePackage.CERTIFICATE_PDF);
    }

    @Test
    void aThirdCompanyDoesNotFindTheContract() {
        String id = complete().get("id").asText();

        ApiClient.Response r = api().get("/api/v1/contracts/" + id + "/evidence", cAdmin);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(r.json().get("messageEn").asText()).contains("was not found");
    }

    @Test
    void anUnfinishedContractHasNoPackage_409InJapaneseAndEnglish() {
        JsonNode sent = TestContracts.submitted(api(), aMember, b, a.member2(), TestPdfs.multiPage(1));

        ApiClient.Response r = api().get("/api/v1/contracts/" + sent.get("id").asText() + "/evidence", aMember);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("CONFLICT");
        assertThat(r.json().get("messageJa").asText()).contains("締結済");
        assertThat(r.json().get("messageEn").asText()).contains("completed");
    }

    @Test
    void aRenewedArchiveTimestampYieldsAPackageAroundTheNewPdf() throws Exception {
        String id = complete().get("id").asText();
        byte[] before = EvidencePackage.read(ok200(id)).get("contract.pdf");
        assertThat(EvidencePackage.read(ok200(id)).get("contract.pdf")).as("kept while the PDF stays").isEqualTo(before);

        KeyPair keys = TestCa.rsaKeyPair(2048);
        java.time.Instant now = java.time.Instant.now();
        signers.tsa().rotate(signers.ca().issueTsa(keys.getPublic(), "SiteSign IT TSA renewed",
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365 * 30))), keys);
        assertThat(server.context().contracts().archiveRenewal().renewDue().renewed()).isPositive();

        byte[] renewed = api().get("/api/v1/contracts/" + id + "/document", aMember).bytes();
        assertThat(renewed).isNotEqualTo(before);
        byte[] zip = ok200(id);
        assertThat(EvidencePackage.read(zip).get("contract.pdf")).isEqualTo(renewed);
        EvidenceStatement statement = EvidenceStatement.readFrom(EvidencePackage.read(zip).get("certificate.pdf"))
                .orElseThrow();
        assertThat(statement.documentSha256()).isEqualTo(Digests.sha256Hex(renewed));
        assertThat(statement.events()).extracting(EvidenceStatement.StatedEvent::action)
                .contains("ARCHIVE_TIMESTAMP_RENEWED");
        assertThat(new EvidenceChecker(anchors(), Clock.systemUTC()).check(zip).problems()).isEmpty();
    }

    // --- helpers

    private static byte[] ok200(String id) {
        ApiClient.Response r = api().get("/api/v1/contracts/" + id + "/evidence", bMember);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.bytes();
    }

    /** The CA of the signers and the TSA, and the embedded CA that certified the server's seal. */
    static List<X509Certificate> anchors() {
        return List.of(signers.ca().root(), server.context().demoCa().certificate());
    }

    private static JsonNode complete() {
        JsonNode submitted = TestContracts.submitted(api(), aMember, b, a.member2(), TestPdfs.multiPage(2));
        return signers.complete(api(), submitted, a.member2(), aSigner, bMember, b.member2(), bSigner);
    }

    private static String login(jp.sitesign.model.user.UserId user) {
        return api().login(user.value(), TestServer.PASSWORD);
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    private static ApiClient api() {
        return server.api();
    }
}
