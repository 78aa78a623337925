package jp.sitesign.model.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;

/**
 * The package's table of contents ({@code manifest.json}): every other entry with its SHA-256 and length, so
 * a removed, added or changed entry shows even before anything is verified. It is not sealed itself — the
 * certificate vouches for the other entries by hash — so it proves consistency, not origin.
 *
 * @param format  {@link EvidenceStatement#FORMAT}
 * @param entries in the order they are stored
 */
public record EvidenceManifest(String format, List<Entry> entries) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvidenceManifest {
        entries = List.copyOf(entries);
    }

    /** One entry: its name in the ZIP, SHA-256 (hex) and length. */
    public record Entry(String name, String sha256, long bytes) {
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest is plain data and always serializes", e);
        }
    }

    public static EvidenceManifest fromJson(byte[] json) throws IOException {
        EvidenceManifest m = JSON.readValue(json, EvidenceManifest.class);
        if (!EvidenceStatement.FORMAT.equals(m.format()) || m.entries() == null) {
            throw new IOException("not a " + EvidenceStatement.FORMAT + " manifest");
        }
        return m;
    }
}
