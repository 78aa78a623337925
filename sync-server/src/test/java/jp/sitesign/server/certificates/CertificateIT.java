package jp.sitesign.server.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.OperatorCli;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 電子証明書 over HTTPS: registration, binding as the source of 署名権限, applications fulfilled by the
 * operator's CLI (DEMO CA and import), and the DEMO CA's OCSP/CRL and DEMO TSA checked with openssl.
 */
class CertificateIT {
    static final String A_NAME = "証明書試験建設株式会社";
    static final String B_NAME = "証明書別会社工業株式会社";
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;
    static String bAdmin;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        a = server.createCompany(A_NAME);
        b = server.createCompany(B_NAME);
    }

    /** Fresh sessions: a test that moves the clock by days lets the others' sessions expire. */
    @BeforeEach
    void login() {
        aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        bAdmin = api().login(b.admin().value(), TestServer.PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBoundUserCanBeChosenAsSigner_andAfterUnbindingCannot() {
        String number = TestCertificates.register(api(), aAdmin, TestCertificates.company(server, A_NAME));
        assertThat(draftWithSigner(a.admin()).status()).as("no certificate yet").isEqualTo(400);

        TestCertificates.bind(api(), aAdmin, number, a.admin());
        assertThat(authority(a.admin())).isTrue();
        ApiClient.Response ok = draftWithSigner(a.admin());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        JsonNode cert = api().get("/api/v1/certificates/" + number, aAdmin).json();
        assertThat(cert.get("bindings").findValuesAsText("userId")).containsExactly(a.admin().value());
        assertThat(cert.get("organization").asText()).isEqualTo(A_NAME);
        assertThat(cert.get("pem").asText()).startsWith("-----BEGIN CERTIFICATE-----");

        ApiClient.Response unbound = api().delete("/api/v1/certificates/" + number + "/bindings/" + a.admin().value(),
                aAdmin);
        assertThat(unbound.status()).as(unbound.toString()).isEqualTo(200);
        assertThat(authority(a.admin())).isFalse();
        ApiClient.Response refused = draftWithSigner(a.admin());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("messageJa").asText()).contains("署名権限がありません");
        assertThat(audit(aAdmin, "SIGNING_AUTHORITY_CHANGED")).anySatisfy(d -> assertThat(d).contains(number));
    }

    @Test
    void onlyACertificateWithinItsValidityGivesAuthority() {
        Instant now = server.clock().instant();
        String later = TestCertificates.register(api(), aAdmin,
                TestCertificates.company(A_NAME, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(3))));
        TestCertificates.bind(api(), aAdmin, later, a.owner());
        assertThat(authority(a.owner())).as("not yet valid").isFalse();
        server.clock().advance(Duration.ofDays(2));
        try {
            login();
            assertThat(authority(a.owner())).as("within validity").isTrue();
            server.clock().advance(Duration.ofDays(2));
            login();
            assertThat(authority(a.owner())).as("expired").isFalse();
            ApiClient.Response expired = api().post("/api/v1/certificates/" + later + "/bindings", aAdmin,
                    Map.of("userId", a.admin().value()));
            assertThat(expired.status()).isEqualTo(409);
        } finally {
            server.clock().advance(Duration.ofDays(-4));
        }
        login();
        ApiClient.Response old = TestCertificates.upload(api(), aAdmin,
                TestCertificates.company(A_NAME, now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))));
        assertThat(old.status()).as("an expired certificate is not registered").isEqualTo(400);
    }

    @Test
    void anotherCompanysCertificateCanNeitherBeRegisteredNorBound() {
        ApiClient.Response foreign = TestCertificates.upload(api(), bAdmin, TestCertificates.company(server, A_NAME));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("messageJa").asText()).contains("企業名");

        String number = TestCertificates.register(api(), aAdmin, TestCertificates.company(server, A_NAME));
        assertThat(api().post("/api/v1/certificates/" + number + "/bindings", bAdmin,
                Map.of("userId", b.member().value())).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/certificates/" + number, bAdmin).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/certificates/" + number + "/bindings", aAdmin,
                Map.of("userId", b.member().value())).status()).as("B's user, A's certificate").isEqualTo(404);
        assertThat(api().get("/api/v1/certificates", bAdmin).json().get("items").findValuesAsText("number"))
                .doesNotContain(number);
    }

    @Test
    void membersAreRefused() {
        String number = TestCertificates.register(api(), aAdmin, TestCertificates.company(server, A_NAME));
        assertThat(api().get("/api/v1/certificates", aMember).status()).isEqualTo(403);
        assertThat(TestCertificates.upload(api(), aMember, TestCertificates.company(server, A_NAME)).status())
                .isEqualTo(403);
        assertThat(api().post("/api/v1/certificates/" + number + "/bindings", aMember,
                Map.of("userId", a.member().value())).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/certificate-applications", aMember, application()).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/certificate-applications", aMember).status()).isEqualTo(403);
    }

    @Test
    void anApplicationIsIssuedByTheDemoCa_listedAndBindable() throws Exception {
        long id = apply();
        OperatorCli.Result list = OperatorCli.run(server, "cert", "applications");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(id + "\tPENDING\t" + a.id().value());

        Path p12 = tmp.resolve("issued.p12");
        OperatorCli.Result issued = OperatorCli.run(server, "cert", "issue", "--application", Long.toString(id),
                "--key-out", p12.toString());
        assertThat(issued.exitCode()).as(issued.toString()).isZero();
        assertThat(issued.out()).contains("DEMO");
        assertThat(Files.getPosixFilePermissions(p12)).hasSize(2);
        String number = issued.out().replaceAll("(?s).*Certificate (JC-\\d+) issued.*", "$1");

        JsonNode cert = api().get("/api/v1/certificates/" + number, aAdmin).json();
        assertThat(cert.get("issuer").asText()).contains("DEMO");
        assertThat(cert.get("department").asText()).isEqualTo("設計部");
        assertThat(cert.get("state").asText()).isEqualTo("VALID");
        TestCertificates.bind(api(), aAdmin, number, a.member());
        assertThat(authority(a.member())).isTrue();
        JsonNode fulfilled = api().get("/api/v1/certificate-applications", aAdmin).json().get("items");
        assertThat(fulfilled.findValuesAsText("certificateNumber")).contains(number);
        assertThat(OperatorCli.run(server, "cert", "issue", "--application", Long.toString(id)).exitCode())
                .as("fulfilled once only").isEqualTo(1);
        assertThat(audit(aAdmin, "CERTIFICATE_ISSUED")).anySatisfy(d -> assertThat(d).contains("application=" + id));
    }

    @Test
    void aCertificateFromARealCaIsImported() throws IOException {
        long id = apply();
        Path pem = Files.writeString(tmp.resolve("real.pem"), TestCertificates.pem(TestCertificates.company(server,
                A_NAME)), StandardCharsets.US_ASCII);
        OperatorCli.Result imported = OperatorCli.run(server, "cert", "import", "--application", Long.toString(id),
                "--cert", pem.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        String number = imported.out().replaceAll("(?s).*Certificate (JC-\\d+) registered.*", "$1");
        assertThat(api().get("/api/v1/certificates", aAdmin).json().get("items").findValuesAsText("number"))
                .contains(number);
    }

    @Test
    void theDemoCasOcspSaysGoodThenRevoked_andItsCrlListsTheRevocation_perOpenssl() throws Exception {
        long id = apply();
        OperatorCli.Result issued = OperatorCli.run(server, "cert", "issue", "--application", Long.toString(id),
                "--key-out", tmp.resolve("k.p12").toString());
        assertThat(issued.exitCode()).as(issued.toString()).isZero();
        String number = issued.out().replaceAll("(?s).*Certificate (JC-\\d+) issued.*", "$1");
        Path cert = Files.writeString(tmp.resolve("cert.pem"),
                api().get("/api/v1/certificates/" + number, aAdmin).json().get("pem").asText());
        Path ca = caPem();
        TestCertificates.bind(api(), aAdmin, number, a.member2());

        assertThat(ocspStatus(ca, cert)).contains("cert.pem: good");
        OperatorCli.Result revoked = OperatorCli.run(server, "cert", "revoke", "--certificate", number);
        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(ocspStatus(ca, cert)).contains("cert.pem: revoked");
        assertThat(authority(a.member2())).as("a revoked certificate gives no authority").isFalse();

        ApiClient.Response crl = api().get("/demo-ca/crl", null);
        assertThat(crl.status()).isEqualTo(200);
        Path crlFile = Files.write(tmp.resolve("ca.crl"), crl.bytes());
        String serial = api().get("/api/v1/certificates/" + number, aAdmin).json().get("serialNumber").asText();
        String text = openssl("crl", "-inform", "DER", "-in", crlFile.toString(), "-CAfile", ca.toString(), "-text",
                "-noout");
        assertThat(text).contains("verify OK").containsIgnoringCase(serial);
    }

    @Test
    void theDemoTsaTokenVerifiesWithOpensslTs() throws Exception {
        Path data = Files.writeString(tmp.resolve("data.txt"), "契約書の内容");
        Path query = tmp.resolve("req.tsq");
        openssl("ts", "-query", "-data", data.toString(), "-sha256", "-cert", "-out", query.toString());
        ApiClient.Response reply = api().raw("POST", "/demo-tsa", null, Files.readAllBytes(query),
                Map.of("Content-Type", "application/timestamp-query"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Path response = Files.write(tmp.resolve("resp.tsr"), reply.bytes());
        String verified = openssl("ts", "-verify", "-data", data.toString(), "-in", response.toString(), "-CAfile",
                caPem().toString());
        assertThat(verified).contains("Verification: OK");
        assertThat(openssl("ts", "-reply", "-in", response.toString(), "-text")).contains("DEMO TSA");
    }

    private String ocspStatus(Path ca, Path cert) throws Exception {
        Path request = tmp.resolve("ocsp.req");
        openssl("ocsp", "-issuer", ca.toString(), "-cert", cert.toString(), "-reqout", request.toString());
        ApiClient.Response r = api().raw("POST", "/demo-ca/ocsp", null, Files.readAllBytes(request),
                Map.of("Content-Type", "application/ocsp-request"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Path response = Files.write(tmp.resolve("ocsp.resp"), r.bytes());
        // openssl builds a new request (new nonce) once -cert is given, so the echoed nonce is checked
        // against the request file in a call of its own.
        assertThat(openssl("ocsp", "-reqin", request.toString(), "-respin", response.toString(), "-CAfile",
                ca.toString())).contains("Response verify OK");
        return openssl("ocsp", "-respin", response.toString(), "-issuer", ca.toString(), "-cert", cert.toString(),
                "-CAfile", ca.toString(), "-no_nonce");
    }

    private Path caPem() throws IOException {
        ApiClient.Response r = api().get("/demo-ca/ca.crt", null);
        assertThat(r.status()).isEqualTo(200);
        Path der = Files.write(tmp.resolve("ca.der"), r.bytes());
        Path pem = tmp.resolve("ca.pem");
        openssl("x509", "-inform", "DER", "-in", der.toString(), "-out", pem.toString());
        assertThat(openssl("x509", "-in", pem.toString(), "-noout", "-subject")).contains("DEMO");
        return pem;
    }

    private static String openssl(String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
            return out;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long apply() {
        ApiClient.Response r = api().post("/api/v1/certificate-applications", aAdmin, application());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo("PENDING");
        return r.json().get("id").asLong();
    }

    private static Map<String, Object> application() {
        return Map.of("holderName", "設計 太郎", "department", "設計部", "title", "部長",
                "email", "sekkei@example.invalid", "reason", "設計部の契約締結のため");
    }

    private static boolean authority(UserId user) {
        JsonNode u = api().get("/api/v1/users/" + user.value(), aAdmin).json();
        return u.get("signingAuthority").asBoolean();
    }

    private static ApiClient.Response draftWithSigner(UserId signer) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "証明書試験 注文書");
        d.put("transactionDate", "2026-04-01");
        d.put("amountYen", 1000L);
        d.put("taxIncluded", true);
        d.put("construction", false);
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of());
        d.put("signer", signer.value());
        return api().post("/api/v1/contracts", aAdmin, d);
    }

    private static List<String> audit(String token, String action) {
        JsonNode items = api().get("/api/v1/audit?limit=200", token).json().get("items");
        List<String> out = new ArrayList<>();
        items.forEach(e -> {
            if (e.get("action").asText().equals(action)) {
                out.add(e.get("details").asText() + " " + e.get("target").asText());
            }
        });
        return out;
    }

    private static ApiClient api() {
        return server.api();
    }
}
