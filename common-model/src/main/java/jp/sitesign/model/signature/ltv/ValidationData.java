package jp.sitesign.model.signature.ltv;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validation data for some certificate chains, as DER: certificates, OCSP responses (the complete
 * OCSPResponse structure, as {@code /DSS /OCSPs} holds it) and CRLs. Each item is kept once, however
 * often it is added.
 */
public final class ValidationData {
    private final Map<String, byte[]> certificates = new LinkedHashMap<>();
    private final Map<String, byte[]> ocspResponses = new LinkedHashMap<>();
    private final Map<String, byte[]> crls = new LinkedHashMap<>();

    public ValidationData addCertificate(byte[] der) {
        certificates.putIfAbsent(key(der), der.clone());
        return this;
    }

    public ValidationData addOcspResponse(byte[] der) {
        ocspResponses.putIfAbsent(key(der), der.clone());
        return this;
    }

    public ValidationData addCrl(byte[] der) {
        crls.putIfAbsent(key(der), der.clone());
        return this;
    }

    public ValidationData addAll(ValidationData other) {
        other.certificates.forEach(certificates::putIfAbsent);
        other.ocspResponses.forEach(ocspResponses::putIfAbsent);
        other.crls.forEach(crls::putIfAbsent);
        return this;
    }

    public List<byte[]> certificates() {
        return copies(certificates);
    }

    public List<byte[]> ocspResponses() {
        return copies(ocspResponses);
    }

    public List<byte[]> crls() {
        return copies(crls);
    }

    public boolean isEmpty() {
        return certificates.isEmpty() && ocspResponses.isEmpty() && crls.isEmpty();
    }

    /** The identity of an item: the SHA-256 of its encoding, in hex. */
    static String key(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime has SHA-256", e);
        }
    }

    private static List<byte[]> copies(Map<String, byte[]> items) {
        List<byte[]> list = new ArrayList<>(items.size());
        items.values().forEach(der -> list.add(der.clone()));
        return list;
    }
}
