package jp.sitesign.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.server.testing.TestCertificates;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A document of more than 50 MB both ways through the Jersey client and the real server, whose document limit
 * is raised to 64 MiB for it (its 1 MiB limit on other bodies stays): the upload goes in chunks the server
 * accepts one by one, the download is handed on in small pieces while it is still arriving, so neither end
 * needs a request or an answer as large as the document.
 */
class LargeTransferIT {
    private static final int SIZE = 52_000_000;
    static TestServer server;
    static TestServer.TestCompany a;
    static TestServer.TestCompany b;
    static byte[] pdf;
    static String sha;

    @BeforeAll
    static void start() {
        String limit = String.valueOf(64 * 1024 * 1024);
        server = TestServer.start(Map.of("limits.max-document-bytes", limit, "limits.pdf-max-stream-bytes", limit));
        a = server.createCompany("元請建設株式会社");
        b = server.createCompany("協力工業株式会社");
        pdf = RestContracts.largePdf(SIZE, 50);
        sha = Digests.sha256Hex(pdf);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDocumentOverFiftyMegabytesIsUploadedInChunksTheServerAccepts_resumingWhereItsCopyEnds() throws Exception {
        assertThat(pdf.length).isGreaterThanOrEqualTo(50_000_000);
        URI base = URI.create(server.server().baseUrl());
        String token;
        try (ServerApi api = new ServerApi(base, server.server().tls().certificate())) {
            token = api.login(a.member().value(), TestServer.PASSWORD.toCharArray()).token();
            assertThat(api.uploadStatus(token, sha).size()).isZero();
            for (int from = 0; from < 3 * ServerApi.CHUNK; from += ServerApi.CHUNK) {
                api.uploadChunk(token, sha, from, java.util.Arrays.copyOfRange(pdf, from, from + ServerApi.CHUNK), false);
            }
        }
        // The app closed (its client with it); the next one asks where the server's copy ends and goes on there.
        int requests = 0;
        try (ServerApi api = new ServerApi(base, server.server().tls().certificate())) {
            ServerApi.UploadStatus s = api.uploadStatus(token, sha);
            assertThat(s.size()).isEqualTo(3L * ServerApi.CHUNK);
            while (!s.complete()) {
                int from = (int) s.size();
                int to = Math.min(pdf.length, from + ServerApi.CHUNK);
                s = api.uploadChunk(token, sha, from, java.util.Arrays.copyOfRange(pdf, from, to), to == pdf.length);
                requests++;
            }
            assertThat(s.size()).isEqualTo(pdf.length);
            assertThat(api.uploadStatus(token, sha).complete()).as("the server checked the whole against its SHA-256")
                    .isTrue();
        }
        assertThat(requests).isEqualTo((pdf.length - 3 * ServerApi.CHUNK + ServerApi.CHUNK - 1) / ServerApi.CHUNK);
    }

    @Test
    void aDocumentOverFiftyMegabytesIsHandedOnInSmallPiecesWhileItIsStillArriving() throws Exception {
        String creator = server.api().login(a.member().value(), TestServer.PASSWORD);
        TestCertificates.grant(server, server.api().login(a.admin().value(), TestServer.PASSWORD), "元請建設株式会社",
                a.member2());
        RestContracts rest = new RestContracts(server.api());
        JsonNode k = rest.attach(creator, rest.draft(creator, "大判図面つきの注文書", b.id(), b.member(), List.of(),
                a.member2()), pdf);
        assertThat(k.get("mainDocument").asText()).isEqualTo(sha);

        try (CuttingProxy relay = new CuttingProxy(server.port());
                ServerApi api = new ServerApi(URI.create("https://127.0.0.1:" + relay.port()),
                        server.server().tls().certificate())) {
            String token = api.login(a.member().value(), TestServer.PASSWORD.toCharArray()).token();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            AtomicLong sentWhenFirstPieceCame = new AtomicLong(-1);
            AtomicLong received = new AtomicLong();
            AtomicInteger largest = new AtomicInteger();
            long before = relay.bytesFromServer();
            long total = api.download(token, k.get("id").asText(), sha, 0, (offset, piece, size) -> {
                sentWhenFirstPieceCame.compareAndSet(-1, relay.bytesFromServer() - before);
                assertThat(offset).isEqualTo(received.get());
                digest.update(piece);
                received.addAndGet(piece.length);
                largest.accumulateAndGet(piece.length, Math::max);
            });

            assertThat(total).isEqualTo(pdf.length);
            assertThat(received).hasValue(pdf.length);
            assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha);
            assertThat(largest.get()).as("pieces, not the document").isLessThanOrEqualTo(64 * 1024);
            assertThat(sentWhenFirstPieceCame.get()).as("the first piece came before the server had sent a fifth")
                    .isBetween(1L, pdf.length / 5L);
        }
    }
}
