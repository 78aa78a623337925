package jp.sitesign.model.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jp.sitesign.model.crypto.Digests;

/**
 * The evidence package's ZIP (ADR 24): the B-LTA contract PDF, the sealed 締結証明書, the verification report
 * of DESIGN §6 as JSON and as Japanese and English text, and a manifest of them. The entry names are fixed,
 * so a checker finds each without guessing; the file a user saves may be called anything.
 */
public final class EvidencePackage {
    public static final String CONTRACT_PDF = "contract.pdf";
    public static final String CERTIFICATE_PDF = "certificate.pdf";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_JA = "report-ja.txt";
    public static final String REPORT_EN = "report-en.txt";
    public static final String MANIFEST = "manifest.json";
    /** Every entry but the manifest, in the order they are stored. */
    public static final List<String> CONTENT = List.of(CONTRACT_PDF, CERTIFICATE_PDF, REPORT_JSON, REPORT_JA,
            REPORT_EN);
    /** The reports, which the certificate vouches for by hash (the contract PDF it names by its own hash). */
    public static final List<String> REPORTS = List.of(REPORT_JSON, REPORT_JA, REPORT_EN);

    /** More than any package holds (the PDFs are limited far below it); a ZIP beyond it is not read. */
    private static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    private static final int MAX_ENTRIES = 64;

    private EvidencePackage() {
    }

    /** The ZIP of {@code entries} (every name of {@link #CONTENT}) with the manifest added last. */
    public static byte[] write(Map<String, byte[]> entries) {
        if (!entries.keySet().equals(new java.util.HashSet<>(CONTENT))) {
            throw new IllegalArgumentException("an evidence package holds exactly " + CONTENT + ": " + entries.keySet());
        }
        List<EvidenceManifest.Entry> listed = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : CONTENT) {
                byte[] content = entries.get(name);
                put(zip, name, content);
                listed.add(new EvidenceManifest.Entry(name, Digests.sha256Hex(content), content.length));
            }
            put(zip, MANIFEST, new EvidenceManifest(EvidenceStatement.FORMAT, listed).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The entries of a package as stored, by name, in their order.
     *
     * @throws IOException when it is not a ZIP, names an entry twice or is larger than any package
     */
    public static Map<String, byte[]> read(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (out.size() >= MAX_ENTRIES) {
                    throw new IOException("more than " + MAX_ENTRIES + " entries");
                }
                if (out.containsKey(e.getName())) {
                    throw new IOException("the entry " + e.getName() + " appears twice");
                }
                out.put(e.getName(), limited(in, e.getName()));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("not a ZIP file, or an empty one");
        }
        return out;
    }

    private static byte[] limited(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new IOException("the entry " + name + " is larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
