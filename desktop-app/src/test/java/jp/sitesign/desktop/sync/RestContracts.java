package jp.sitesign.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.testing.ApiClient;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * What other people do on the server while the client under test is away, through the same REST API the
 * web and other clients use: create a contract, attach its PDF, send it, act on it.
 */
final class RestContracts {
    private final ApiClient api;

    RestContracts(ApiClient api) {
        this.api = api;
    }

    /** A two-party draft of the creator's company with an empty sender route and {@code signer}. */
    JsonNode draft(String token, String title, CompanyId counterparty, UserId receiver, List<UserId> route,
            UserId signer) {
        Map<String, Object> d = new HashMap<>();
        d.put("form", "BILATERAL");
        d.put("title", title);
        d.put("transactionDate", "2026-11-25");
        d.put("amountYen", 3_300_000L);
        d.put("counterparties", List.of(Map.of("companyId", counterparty.value(), "receiverId", receiver.value())));
        d.put("route", route.stream().map(UserId::value).toList());
        d.put("signer", signer.value());
        ApiClient.Response created = api.post("/api/v1/contracts", token, d);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Attaches (or replaces) the draft's main PDF. */
    JsonNode attach(String token, JsonNode k, byte[] pdf) {
        return ok(api.raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/document?revision="
                + k.get("revision").asLong(), token, pdf, Map.of("Content-Type", "application/pdf")));
    }

    /** A lifecycle step without data: submit, approve, withdraw … */
    JsonNode act(String token, JsonNode k, String action) {
        return ok(api.post("/api/v1/contracts/" + k.get("id").asText() + "/" + action, token,
                Map.of("revision", k.get("revision").asLong())));
    }

    JsonNode returnToSender(String token, JsonNode k, String comment) {
        return ok(api.post("/api/v1/contracts/" + k.get("id").asText() + "/return", token,
                Map.of("revision", k.get("revision").asLong(), "comment", comment)));
    }

    JsonNode partyRoute(String token, JsonNode k, List<UserId> route, UserId signer) {
        return ok(api.post("/api/v1/contracts/" + k.get("id").asText() + "/party-route", token, Map.of("revision",
                k.get("revision").asLong(), "route", route.stream().map(UserId::value).toList(), "signer",
                signer.value())));
    }

    /** Uploads a version signed elsewhere (another computer of the signer), based on the current main PDF. */
    JsonNode signed(String token, JsonNode k, byte[] pdf) {
        return ok(api.raw("PUT", "/api/v1/contracts/" + k.get("id").asText() + "/signed-document?revision="
                + k.get("revision").asLong() + "&base=" + k.get("mainDocument").asText(), token, pdf,
                Map.of("Content-Type", "application/pdf")));
    }

    byte[] document(String token, JsonNode k) {
        ApiClient.Response r = api.get("/api/v1/contracts/" + k.get("id").asText() + "/document", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.bytes();
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r.json();
    }

    /**
     * A valid one-page PDF of about {@code bytes} bytes: a page showing a noise image (as a scanned drawing
     * is), stored losslessly, so neither PDF compression nor TLS can make it smaller.
     */
    static byte[] largePdf(int bytes, long seed) {
        int side = (int) Math.sqrt(bytes / 3.0);
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject drawing = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(drawing, 50, 200, 495, 495);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
