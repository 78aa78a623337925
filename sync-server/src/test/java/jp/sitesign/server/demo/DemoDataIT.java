package jp.sitesign.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.sitesign.model.audit.AuditAnchorCheck;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.testing.ExternalTools;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.VerificationReport;
import jp.sitesign.server.audit.AuditAnchoring;
import jp.sitesign.server.audit.AuditVerification;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.DemoPrintout.Login;
import jp.sitesign.server.testing.DemoPrintout;
import jp.sitesign.server.testing.MutableClock;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo mode end to end over HTTPS: the demo data made on a server in demo mode (no trust anchors or TSA
 * configured) gives two companies in partnership with the 受注者's 承諾, DEMO signing keys that open
 * with their printed PINs and are bound to their users, a contract in every status, a completed one that
 * is B-LTA and verifies (our verifier and pdfsig), and a demo signer can sign the contract awaiting them
 * with their key and the server accepts it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataIT {

    static TestServer server;
    static String credentials;
    static Map<String, String> companies;
    static List<Login> logins;
    static Map<String, String> tokens = new HashMap<>();
    static List<JsonNode> seeded = new ArrayList<>();


    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("port", Integer.toString(freePort()), "demo", "true"), MutableClock.running());
        credentials = DemoData.ensure(server.context());
        parse(credentials);
        for (JsonNode k : api().get("/api/v1/contracts?limit=100", token(person("発注者", "管理者 ADMIN"))).json()
                .get("items")) {
            seeded.add(k);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void bothDemoCompaniesLogInAndTheSubcontractorHasConsentedToElectronicContracting() {
        assertThat(companies).hasSize(2);
        assertThat(logins).hasSize(8).extracting(Login::role).containsOnly("責任者 OWNER", "管理者 ADMIN", "一般 MEMBER");
        for (Login l : logins) {
            JsonNode me = api().get("/api/v1/me", token(l)).json();
            assertThat(me.get("companyId").asText()).isEqualTo(l.company());
            assertThat(me.get("mustChangePassword").asBoolean()).isFalse();
        }
        Login ordererOwner = person("発注者", "責任者 OWNER");
        Login contractorOwner = person("受注者", "責任者 OWNER");
        JsonNode partnership = api().get("/api/v1/partnerships", token(ordererOwner)).json().get("items").get(0);
        assertThat(partnership.get("counterpartyId").asText()).isEqualTo(contractorOwner.company());
        assertThat(partnership.get("counterpartyName").asText()).isEqualTo("【デモ】みらい工務店株式会社");
        assertThat(partnership.get("theirConsent").get("consentedBy").asText()).isEqualTo(contractorOwner.userId());
        assertThat(partnership.get("theirConsent").get("withdrawnAt").isNull()).isTrue();
        assertThat(partnership.get("methodDescription").asText()).contains("DEMO");
    }

    @Test
    @Order(2)
    void aContractIsSeededInEveryStatusThroughTheWorkflowWithConstructionItemsAndAJapanesePdf(@TempDir Path dir)
            throws IOException {
        Set<String> statuses = new HashSet<>();
        for (JsonNode k : seeded) {
            statuses.add(k.get("status").asText());
            assertThat(k.get("managementNumber").asText()).startsWith("DEMO-");
            assertThat(k.get("mainDocument").isNull()).as("every demo contract has its PDF").isFalse();
        }
        assertThat(statuses).containsExactlyInAnyOrder("DRAFT", "RETURNED", "IN_APPROVAL", "AWAITING_SIGNATURE",
                "COMPLETED", "WITHDRAWN", "DECLINED", "EXPIRED");
        assertThat(withStatus("AWAITING_SIGNATURE")).extracting(k -> k.get("currentParty").asInt())
                .as("one awaits the 発注者's signer, one the 受注者's").containsExactlyInAnyOrder(0, 1);
        assertThat(withStatus("COMPLETED")).extracting(k -> k.get("form").asText())
                .containsExactlyInAnyOrder("ORDER_AND_ACCEPTANCE_COMBINED", "SEND_ONLY");
        assertThat(withStatus("RETURNED").get(0).get("returnComment").asText()).contains("工期");
        JsonNode draft = withStatus("DRAFT").get(0);
        assertThat(draft.get("missingItems")).isEmpty();
        assertThat(draft.get("terms").get("WORK_NAME").asText()).contains("工事");
        assertThat(draft.get("amountYen").asLong()).isPositive();

        Path pdf = Files.write(dir.resolve("draft.pdf"), api().get("/api/v1/contracts/" + draft.get("id").asText()
                + "/document", token(person("発注者", "管理者 ADMIN"))).bytes());
        String text = ExternalTools.runOk(List.of("pdftotext", pdf.toString(), "-"), Map.of());
        assertThat(text).contains("DEMO", "御中", draft.get("managementNumber").asText(),
                draft.get("terms").get("WORK_NAME").asText());
        assertThat(ExternalTools.runOk(List.of("pdffonts", pdf.toString()), Map.of())).contains("IPAGothic");

        JsonNode signedEvents = api().get("/api/v1/audit?action=CONTRACT_SIGNED&limit=100",
                token(person("発注者", "責任者 OWNER"))).json().get("items");
        assertThat(signedEvents).as("the seeding went through the audited service").hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(3)
    void theCompletedContractIsSignedByBothDemoSignersAndArchivedAsBLtaThatVerifies(@TempDir Path dir)
            throws Exception {
        JsonNode completed = withStatus("COMPLETED").stream()
                .filter(k -> k.get("form").asText().equals("ORDER_AND_ACCEPTANCE_COMBINED")).findFirst().orElseThrow();
        byte[] pdf = api().get("/api/v1/contracts/" + completed.get("id").asText() + "/document",
                token(person("受注者", "責任者 OWNER"))).bytes();
        VerificationReport report = new PadesVerifier(List.of(anchor()), Clock.systemUTC()).verify(pdf);
        assertThat(report.allValid()).as(report.toText()).isTrue();
        assertThat(report.signatures()).extracting(s -> s.kind()).containsExactly(SignatureKind.SIGNATURE,
                SignatureKind.SIGNATURE, SignatureKind.DOCUMENT_TIMESTAMP);
        assertThat(report.signatures().subList(0, 2)).allSatisfy(s ->
                assertThat(s.identity().subject()).contains("DEMO"));
        Path file = Files.write(dir.resolve("completed.pdf"), pdf);
        IndependentChecks.assertValidWithDocumentTimestamps(file, 2, 1, dir,
                server.context().demoCa().tsaCertificate(), anchor());
    }

    @Test
    @Order(4)
    void eachDemoSigningKeyIsOwnerOnlyOpensWithItsPrintedPinAndIsBoundToItsUser() throws Exception {
        List<Login> signers = logins.stream().filter(l -> l.p12() != null).toList();
        assertThat(signers).extracting(Login::side).containsExactlyInAnyOrder("発注者", "発注者", "受注者", "受注者");
        for (Login s : signers) {
            Path p12 = server.dataDir().resolve(DemoSigners.TOKENS_FOLDER).resolve(s.p12());
            assertThat(s.p12()).isEqualTo("DEMO-" + s.userId() + ".p12");
            assertThat(Files.getPosixFilePermissions(p12)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            assertThatThrownBy(() -> open(p12, "wrong-pin")).isInstanceOf(IOException.class);
            X509Certificate certificate = (X509Certificate) open(p12, s.pin()).getCertificate(DemoSigners.KEY_ALIAS);
            assertThat(certificate.getSubjectX500Principal().getName()).contains("DEMO");
            assertThat(certificate.getIssuerX500Principal()).isEqualTo(anchor().getSubjectX500Principal());

            String admin = token(person(s.side(), "管理者 ADMIN"));
            JsonNode registered = api().get("/api/v1/certificates/" + s.certificate(), admin).json();
            assertThat(registered.get("serialNumber").asText())
                    .isEqualToIgnoringCase(certificate.getSerialNumber().toString(16));
            assertThat(registered.get("bindings").findValuesAsText("userId")).containsExactly(s.userId());
            assertThat(api().get("/api/v1/me", token(s)).json().get("signingAuthority").asBoolean()).isTrue();
        }
    }

    @Test
    @Order(5)
    void demoSignersSignTheContractsAwaitingThemWithTheirKeysAndTheServerAcceptsAndArchivesThem() throws Exception {
        for (JsonNode k : withStatus("AWAITING_SIGNATURE")) {
            Login signer = logins.stream().filter(l -> l.userId().equals(k.get("currentSigner").asText()))
                    .findFirst().orElseThrow();
            String id = k.get("id").asText();
            JsonNode current = api().get("/api/v1/contracts/" + id, token(signer)).json();
            byte[] base = api().get("/api/v1/contracts/" + id + "/document", token(signer)).bytes();
            byte[] signed = new PadesSigner(Clock.systemUTC()).sign(base,
                    new Pkcs12KeySource(server.dataDir().resolve(DemoSigners.TOKENS_FOLDER).resolve(signer.p12())),
                    what -> signer.pin().toCharArray(), SignatureRequest.timestamped(DemoSigners.KEY_ALIAS,
                            new Rfc3161Client(URI.create(server.server().baseUrl() + "/demo-tsa"), pinnedHttp())));
            ApiClient.Response r = api().raw("PUT", "/api/v1/contracts/" + id + "/signed-document?revision="
                    + current.get("revision").asLong() + "&base=" + current.get("mainDocument").asText(),
                    token(signer), signed, Map.of("Content-Type", "application/pdf"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            boolean last = k.get("currentParty").asInt() == 1;
            assertThat(r.json().get("status").asText()).isEqualTo(last ? "COMPLETED" : "IN_APPROVAL");
            if (last) {
                byte[] archived = api().get("/api/v1/contracts/" + id + "/document", token(signer)).bytes();
                VerificationReport report = new PadesVerifier(List.of(anchor()), Clock.systemUTC()).verify(archived);
                assertThat(report.allValid()).as(report.toText()).isTrue();
                assertThat(report.signatures()).last().extracting(s -> s.kind())
                        .isEqualTo(SignatureKind.DOCUMENT_TIMESTAMP);
            }
        }
    }

    @Test
    @Order(6)
    void theDemoDataIsMadeOncePerDataFolderAcrossRestarts() throws IOException {
        Login signer = logins.stream().filter(l -> l.p12() != null).findFirst().orElseThrow();
        Path p12 = server.dataDir().resolve(DemoSigners.TOKENS_FOLDER).resolve(signer.p12());
        byte[] key = Files.readAllBytes(p12);
        server.restart();
        assertThat(DemoData.ensure(server.context())).isEqualTo(credentials);
        assertThat(Files.readAllBytes(p12)).isEqualTo(key);
        String admin = token(person("発注者", "管理者 ADMIN"));
        assertThat(api().get("/api/v1/contracts?limit=100", admin).json().get("total").asInt()).isEqualTo(seeded.size());
        assertThat(api().get("/api/v1/partnerships", admin).json().get("items")).hasSize(1);
    }

    private static List<JsonNode> withStatus(String status) {
        return seeded.stream().filter(k -> k.get("status").asText().equals(status)).toList();
    }

    private static void parse(String text) {
        DemoPrintout printout = DemoPrintout.parse(text);
        companies = printout.companies;
        logins = printout.logins;
    }

    private static Login person(String side, String role) {
        return logins.stream().filter(l -> l.side().equals(side) && l.role().equals(role)).findFirst().orElseThrow();
    }

    private static String token(Login login) {
        return tokens.computeIfAbsent(login.userId(), id -> api().login(id, login.password()));
    }

    private static X509Certificate anchor() {
        return server.context().demoTrust().anchor();
    }

    private static KeyStore open(Path p12, String pin) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, pin.toCharArray());
        }
        return store;
    }

    private static HttpClient pinnedHttp() {
        return HttpClient.newBuilder().sslContext(ApiClient.pinned(server.server().tls().certificate())).build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiClient api() {
        return server.api();
    }

    @Test
    void inDemoModeTheSignaturePolicyNamesTheDemoTsaAtThisServer() {
        JsonNode policy = api().get("/api/v1/signature-policy", token(person("受注者", "責任者 OWNER"))).json();

        assertThat(policy.get("tsaUrl").asText()).isEqualTo(server.server().baseUrl() + "/demo-tsa");
    }

    @Test
    void inDemoModeTheAuditLogIsTimestampedByTheDemoTsa_whichTheDemoCaVouchesFor() {
        var anchored = server.context().auditAnchoring().anchor(AuditAnchoring.Reason.OPERATOR, null);

        assertThat(anchored).get().satisfies(a -> assertThat(a.tsa()).isEqualTo(server.server().baseUrl() + "/demo-tsa"));
        AuditVerification.Report report = server.context().auditVerification().run();
        assertThat(report.intact()).isTrue();
        assertThat(report.lastAnchored()).get().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(AuditAnchorCheck.Verdict.PROVEN);
            assertThat(r.tsa()).contains("SiteSign DEMO TSA");
        });
    }
}
