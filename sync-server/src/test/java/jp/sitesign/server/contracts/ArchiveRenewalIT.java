package jp.sitesign.server.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.signature.testing.IndependentChecks;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.VerificationReport;
import jp.sitesign.server.storage.Jdbc;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.MutableClock;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archive-timestamp renewal (DESIGN §6) on a real server: a contract completed while the TSA's certificate
 * has only weeks left is renewed by the job once that certificate expires within the configured window, with a
 * document timestamp from the TSA's new certificate; the renewed PDF verifies (our verifier, pdfsig, openssl),
 * reaches both companies through the change feed, and a second run does nothing. While the TSA still signs with
 * the expiring certificate, nothing is stored (a new timestamp would extend nothing).
 */
class ArchiveRenewalIT {
    private static final int WINDOW_DAYS = 30;
    static TestSigners signers;
    static MutableClock clock;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static String aAdmin;
    static String aMember;
    static String aSigner;
    static String bAdmin;
    static String bMember;
    static String bSigner;
    static X509Certificate shortLived;

    @BeforeAll
    static void start() {
        signers = TestSigners.start();
        clock = new MutableClock();
        Map<String, String> settings = new HashMap<>(signers.serverSettings());
        settings.put("tsa.url", signers.tsa().url().toString());
        settings.put("archive.renew-days-before", Integer.toString(WINDOW_DAYS));
        // The test moves the clock by hours; the sessions logged in at the start must outlive that.
        settings.put("session.idle-minutes", "10000");
        settings.put("session.absolute-minutes", "10000");
        server = TestServer.start(settings, clock);
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        aAdmin = login(a.admin().value());
        aMember = login(a.member().value());
        aSigner = login(a.member2().value());
        bAdmin = login(b.admin().value());
        bMember = login(b.member().value());
        bSigner = login(b.member2().value());
        signers.grant(api(), aAdmin, "元請建設株式会社", a.member2());
        signers.grant(api(), bAdmin, "協力工業株式会社", b.member2());
        // The TSA's certificate ends six hours after the renewal window opens.
        KeyPair keys = TestCa.rsaKeyPair(2048);
        Instant end = clock.instant().plus(Duration.ofDays(WINDOW_DAYS)).plus(Duration.ofHours(6))
                .truncatedTo(ChronoUnit.SECONDS);
        shortLived = signers.ca().issueTsa(keys.getPublic(), "SiteSign Test TSA 2026",
                clock.instant().minus(Duration.ofHours(1)), end);
        signers.tsa().rotate(shortLived, keys);
    }

    @AfterAll
    static void stop() {
        server.close();
        signers.close();
    }

    @Test
    void aCompletedContractIsRenewedOnceItsTsaCertificateEndsWithinTheWindow_andOnlyOnce(@TempDir Path dir)
            throws Exception {
        JsonNode completed = complete();
        String id = completed.get("id").asText();
        byte[] archived = document(id);
        assertThat(archiveExpiry(id)).as("recorded when archived").isEqualTo(shortLived.getNotAfter().toInstant());
        assertThat(documentTimestamps(archived)).isEqualTo(1);

        assertThat(renewDue().renewed()).as("not due yet: the certificate ends after the window").isZero();
        assertThat(revision(id)).isEqualTo(completed.get("revision").asLong());

        long aAt = checkpoint(aMember);
        long bAt = checkpoint(bAdmin);
        clock.advance(Duration.ofHours(12));
        ArchiveRenewal.Result stuck = renewDue();
        assertThat(stuck.renewed()).as("the TSA has not renewed its certificate: a timestamp would extend nothing")
                .isZero();
        assertThat(stuck.failed()).isPositive();
        assertThat(revision(id)).isEqualTo(completed.get("revision").asLong());
        assertThat(document(id)).isEqualTo(archived);

        X509Certificate successor = rotateTsa();
        ArchiveRenewal.Result run = renewDue();

        // Other tests' contracts completed under the short-lived certificate are due too.
        assertThat(run.renewed()).isPositive();
        assertThat(run.failed()).isZero();
        JsonNode renewedView = ok(api().get("/api/v1/contracts/" + id, aMember));
        assertThat(renewedView.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(renewedView.get("revision").asLong()).isEqualTo(completed.get("revision").asLong() + 1);
        byte[] renewed = document(id);
        assertThat(renewedView.get("mainDocument").asText()).isEqualTo(Digests.sha256Hex(renewed))
                .isNotEqualTo(Digests.sha256Hex(archived));
        assertThat(Arrays.copyOf(renewed, archived.length)).as("an incremental update of the archived PDF")
                .isEqualTo(archived);
        assertThat(documentTimestamps(renewed)).isEqualTo(2);
        VerificationReport report = new PadesVerifier(List.of(signers.ca().root()), clock).verify(renewed);
        assertThat(report.allValid()).as(report.toText()).isTrue();
        assertThat(report.signatures()).extracting(s -> s.kind()).containsExactly(SignatureKind.SIGNATURE,
                SignatureKind.SIGNATURE, SignatureKind.DOCUMENT_TIMESTAMP, SignatureKind.DOCUMENT_TIMESTAMP);
        IndependentChecks.assertValidWithDocumentTimestamps(Files.write(dir.resolve("renewed.pdf"), renewed), 2, 2,
                dir, shortLived, successor, signers.ca().root());
        assertThat(archiveExpiry(id)).as("now the new certificate's end").isEqualTo(
                successor.getNotAfter().toInstant());

        JsonNode version = versions(id).get(versions(id).size() - 1);
        assertThat(version.get("reason").asText()).isEqualTo("ARCHIVE_TIMESTAMP");
        assertThat(version.get("producedBy").asText()).isEqualTo("system");
        assertThat(ok(api().get("/api/v1/audit?action=ARCHIVE_TIMESTAMP_RENEWED", aAdmin)).get("items"))
                .anySatisfy(e -> {
                    assertThat(e.get("target").asText()).isEqualTo(id);
                    assertThat(e.get("actor").asText()).isEqualTo("system");
                    assertThat(e.get("details").asText()).contains("previous=" + Digests.sha256Hex(archived),
                            "sha256=" + Digests.sha256Hex(renewed));
                });
        for (var who : List.of(Map.entry(aMember, aAt), Map.entry(bAdmin, bAt))) {
            JsonNode changes = ok(api().get("/api/v1/sync/changes?since=" + who.getValue(), who.getKey()))
                    .get("changes");
            assertThat(changes).as("both companies hear of the new version").anySatisfy(ch -> {
                assertThat(ch.get("id").asText()).isEqualTo(id);
                assertThat(ch.get("contract").get("mainDocument").asText()).isEqualTo(Digests.sha256Hex(renewed));
            });
        }

        assertThat(renewDue().any()).as("a second run has nothing to do").isFalse();
        assertThat(revision(id)).isEqualTo(completed.get("revision").asLong() + 1);
        assertThat(document(id)).isEqualTo(renewed);
    }

    @Test
    void aContractArchivedBeforeTheExpiryWasRecordedGetsItFromItsPdf_withoutARenewal() {
        JsonNode completed = complete();
        String id = completed.get("id").asText();
        Instant recorded = archiveExpiry(id);
        assertThat(recorded).isNotNull();
        sql("UPDATE contracts SET archive_expires_at = NULL WHERE id = ?", id);

        ArchiveRenewal.Result run = renewDue();

        assertThat(archiveExpiry(id)).isEqualTo(recorded);
        assertThat(revision(id)).as("its certificate is not due").isEqualTo(completed.get("revision").asLong());
        assertThat(run.failed()).isZero();
    }

    @Test
    void unfinishedContractsAreNeverRenewed() {
        JsonNode sent = submitted();
        String id = sent.get("id").asText();
        // Even if an expiry were recorded by mistake, the lifecycle allows the renewal on completed contracts only.
        sql("UPDATE contracts SET archive_expires_at = ? WHERE id = ?", clock.instant().minus(Duration.ofDays(1)), id);

        renewDue();

        assertThat(revision(id)).isEqualTo(sent.get("revision").asLong());
        assertThat(versions(id)).hasSize(1);
    }

    // --- helpers

    private static X509Certificate rotateTsa() {
        KeyPair keys = TestCa.rsaKeyPair(2048);
        X509Certificate successor = signers.ca().issueTsa(keys.getPublic(), "SiteSign Test TSA 2027");
        signers.tsa().rotate(successor, keys);
        return successor;
    }

    private static ArchiveRenewal.Result renewDue() {
        return server.context().contracts().archiveRenewal().renewDue();
    }

    private static JsonNode complete() {
        return signers.complete(api(), submitted(), a.member2(), aSigner, bMember, b.member2(), bSigner);
    }

    private static JsonNode submitted() {
        return TestContracts.submitted(api(), aMember, b, a.member2(), TestPdfs.multiPage(2));
    }

    private static byte[] document(String id) {
        ApiClient.Response r = api().get("/api/v1/contracts/" + id + "/document", aMember);
        assertThat(r.status()).isEqualTo(200);
        return r.bytes();
    }

    /** Every stored version, oldest first, as the change feed lists them. */
    private static JsonNode versions(String id) {
        JsonNode changes = ok(api().get("/api/v1/sync/changes?since=0&limit=1000", aMember)).get("changes");
        JsonNode found = null;
        for (JsonNode ch : changes) {
            if (ch.get("id").asText().equals(id) && ch.hasNonNull("contract")) {
                found = ch.get("contract").get("documents");
            }
        }
        assertThat(found).as(id + " in the feed").isNotNull();
        return found;
    }

    private static long checkpoint(String token) {
        return ok(api().get("/api/v1/sync/changes?since=0&limit=1000", token)).get("checkpoint").asLong();
    }

    private static long revision(String id) {
        return ok(api().get("/api/v1/contracts/" + id, aMember)).get("revision").asLong();
    }

    private static int documentTimestamps(byte[] pdf) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return (int) doc.getSignatureDictionaries().stream()
                    .filter(s -> "ETSI.RFC3161".equals(s.getSubFilter())).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Instant archiveExpiry(String id) {
        return server.context().db().read(c -> {
            try (var ps = c.prepareStatement("SELECT archive_expires_at FROM contracts WHERE id = ?")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return Jdbc.getInstant(rs, "archive_expires_at");
                }
            }
        });
    }

    private static void sql(String statement, Object... args) {
        server.context().db().inTransaction(c -> {
            try (var ps = c.prepareStatement(statement)) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] instanceof Instant t) {
                        Jdbc.setInstant(ps, i + 1, t);
                    } else {
                        ps.setObject(i + 1, args[i]);
                    }
                }
                return ps.executeUpdate();
            }
        });
    }

    private static String login(String user) {
        return api().login(user, TestServer.PASSWORD);
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    private static ApiClient api() {
        return server.api();
    }
}
