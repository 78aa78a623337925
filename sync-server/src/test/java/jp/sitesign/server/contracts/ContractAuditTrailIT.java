package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.signature.verify.Identity;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the operation log keeps of a contract's documents, read back through the company's audit API: every
 * opening or download of a document (main or attachment, any version; REST or the sync download) names who, the
 * contract and the document's hash; a signature names the signer certificate's serial number and issuer and the
 * token or file the signer's client says the key was in, never the PIN.
 */
class ContractAuditTrailIT {
    static TestSigners signers;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;
    static String aSigner;
    static String bMember;

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        server = TestServer.start(signers.serverSettings());
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aAdmin = api().login(a.admin().value(), TestServer.PASSWORD);
        aMember = api().login(a.member().value(), TestServer.PASSWORD);
        aSigner = api().login(a.member2().value(), TestServer.PASSWORD);
        bMember = api().login(b.member().value(), TestServer.PASSWORD);
        signers.grant(api(), aAdmin, "元請建設株式会社", a.member2());
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @Test
    void openingOrDownloadingAnyDocumentRecordsWhoTheContractAndTheHash() {
        JsonNode k = draftWithMain();
        String id = k.get("id").asText();
        String main = k.get("mainDocument").asText();
        byte[] drawing = ContractAttachmentsIT.pdf(1);
        String attachment = Digests.sha256Hex(drawing);
        ApiClient.Response added = api().raw("POST", "/api/v1/contracts/" + id + "/attachments?revision="
                + k.get("revision").asLong() + "&name=zumen.pdf", aMember, drawing, Map.of("Content-Type",
                "application/pdf"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        int before = opened(id).size();

        assertThat(api().get("/api/v1/contracts/" + id + "/document", aMember).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/contracts/" + id + "/attachments/" + attachment, aSigner).status()).isEqualTo(200);
        assertThat(api().raw("GET", "/api/v1/sync/documents/" + id + "/" + main, aMember, new byte[0],
                Map.of("Range", "bytes=0-")).status()).isEqualTo(206);
        assertThat(api().get("/api/v1/contracts/" + id + "/document", bMember).status())
                .as("a draft that has not reached B").isEqualTo(404);

        List<JsonNode> events = opened(id).subList(before, opened(id).size());
        assertThat(events).extracting(e -> e.get("actor").asText(), e -> e.get("details").asText())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a.member().value(), "status=DRAFT sha256=" + main),
                        org.assertj.core.groups.Tuple.tuple(a.member2().value(), "status=DRAFT sha256=" + attachment),
                        org.assertj.core.groups.Tuple.tuple(a.member().value(), "status=DRAFT sha256=" + main));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("actionLabel").asText()).isEqualTo("文書の閲覧・ダウンロード");
            assertThat(e.get("clientIp").asText()).isNotBlank();
        });
    }

    @Test
    void aSignatureRecordsTheCertificatesSerialAndIssuerAndTheKeySourceButNeverThePin() throws Exception {
        JsonNode k = submitted();
        String id = k.get("id").asText();
        byte[] current = api().get("/api/v1/contracts/" + id + "/document", aSigner).bytes();
        byte[] signed = signers.sign(a.member2(), current);
        String keySource = "署名用トークン \"現場\"";

        ApiClient.Response r = api().raw("PUT", "/api/v1/contracts/" + id + "/signed-document?revision="
                + k.get("revision").asLong() + "&base=" + k.get("mainDocument").asText() + "&keySource="
                + URLEncoder.encode(keySource, StandardCharsets.UTF_8), aSigner, signed,
                Map.of("Content-Type", "application/pdf"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);

        Identity signer = new PadesVerifier(List.of(signers.ca().root()), Clock.systemUTC()).verify(signed)
                .signatures().get(0).identity();
        String details = events("CONTRACT_SIGNED").stream().filter(e -> e.get("target").asText().equals(id))
                .findFirst().orElseThrow().get("details").asText();
        assertThat(details).contains("sha256=" + Digests.sha256Hex(signed), "certSerial=" + signer.serialNumber(),
                "certIssuer=\"" + signer.issuer() + "\"", "keySource=\"署名用トークン \\\"現場\\\"\"");
        assertThat(signer.issuer()).contains("SiteSign IT CA");
        assertThat(details).doesNotContain(new String(signers.password()));
    }

    private static JsonNode draftWithMain() {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", "監査対象の注文書");
        d.put("counterparties", List.of(Map.of("companyId", b.id().value(), "receiverId", b.member().value())));
        d.put("route", List.of());
        d.put("signer", a.member2().value());
        ApiClient.Response created = api().post("/api/v1/contracts", aMember, d);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode k = created.json();
        ApiClient.Response attached = api().raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), aMember, ContractAttachmentsIT.pdf(2), Map.of("Content-Type",
                "application/pdf"));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        return attached.json();
    }

    private static JsonNode submitted() {
        JsonNode k = draftWithMain();
        ApiClient.Response r = api().post("/api/v1/contracts/" + k.get("id").asText() + "/submit", aMember,
                Map.of("revision", k.get("revision").asLong()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** The DOCUMENT_OPENED events on contract {@code id}, oldest first. */
    private static List<JsonNode> opened(String id) {
        List<JsonNode> out = new ArrayList<>(events("DOCUMENT_OPENED").stream()
                .filter(e -> e.get("target").asText().equals(id)).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    /** Company A's events of one action, newest first, as its admin sees them. */
    private static List<JsonNode> events(String action) {
        ApiClient.Response page = api().get("/api/v1/audit?action=" + action + "&limit=500", aAdmin);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        page.json().get("items").forEach(out::add);
        return out;
    }

    private static ApiClient api() {
        return server.api();
    }
}
