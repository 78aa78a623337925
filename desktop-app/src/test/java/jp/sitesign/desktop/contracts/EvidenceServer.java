package jp.sitesign.desktop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.sitesign.desktop.sync.ServerApi;
import jp.sitesign.model.signature.testing.TestCa;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.sync.ContractSnapshot;
import jp.sitesign.model.sync.WireJson;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.TestContracts;
import jp.sitesign.server.testing.TestServer;
import jp.sitesign.server.testing.TestSigners;

/**
 * A real server with a real CA and TSA holding one completed and one unfinished contract between two companies,
 * for the desktop's evidence tests: the download as the app makes it, and the CA certificates to trust.
 */
public final class EvidenceServer implements AutoCloseable {
    public final TestSigners signers;
    public final TestServer server;
    public final TestServer.TestCompany sender;
    public final TestServer.TestCompany receiver;
    public final ServerApi api;
    public final String senderToken;
    public final String receiverToken;
    public final String completedId;
    public final String unfinishedId;

    private EvidenceServer() {
        signers = TestSigners.start();
        server = TestServer.withTsa(signers);
        sender = server.createCompany("元請建設株式会社");
        receiver = server.createCompany("協力工業株式会社");
        api = new ServerApi(URI.create(server.server().baseUrl()), server.server().tls().certificate());
        senderToken = login(sender.member());
        receiverToken = login(receiver.member());
        String senderSigner = login(sender.member2());
        String receiverSigner = login(receiver.member2());
        signers.grant(server.api(), login(sender.admin()), "元請建設株式会社", sender.member2());
        signers.grant(server.api(), login(receiver.admin()), "協力工業株式会社", receiver.member2());
        JsonNode submitted = TestContracts.submitted(server.api(), senderToken, receiver, sender.member2(),
                TestPdfs.multiPage(2));
        completedId = signers.complete(server.api(), submitted, sender.member2(), senderSigner, receiverToken,
                receiver.member2(), receiverSigner).get("id").asText();
        unfinishedId = TestContracts.submitted(server.api(), senderToken, receiver, sender.member2(),
                TestPdfs.multiPage(1)).get("id").asText();
    }

    public static EvidenceServer start() {
        return new EvidenceServer();
    }

    /** The package as the app downloads it. */
    public byte[] evidence(String token, String contractId) {
        return api.download("/api/v1/contracts/" + contractId + "/evidence", token);
    }

    /** A PEM file with the signers' CA and the embedded CA that certified the server's seal. */
    public Path trustFile(Path dir) {
        try {
            return TestCa.writePem(Files.createTempFile(dir, "trust-", ".pem"), signers.ca().root(),
                    server.context().demoCa().certificate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A contract as the sync feed gives it to {@code token}'s user (what the detail screen shows). */
    public ContractSnapshot snapshot(String token, String id) {
        try {
            JsonNode changes = server.api().get("/api/v1/sync/changes?since=0&limit=1000", token).json().get("changes");
            JsonNode found = null;
            for (JsonNode ch : changes) {
                if (ch.get("id").asText().equals(id) && ch.hasNonNull("contract")) {
                    found = ch.get("contract");
                }
            }
            assertThat(found).as(id + " in the feed").isNotNull();
            return WireJson.create().treeToValue(found, ContractSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String login(UserId user) {
        return server.api().login(user.value(), TestServer.PASSWORD);
    }

    @Override
    public void close() {
        server.close();
        signers.close();
    }
}
