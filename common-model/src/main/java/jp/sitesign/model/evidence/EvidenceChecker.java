package jp.sitesign.model.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.evidence.EvidenceCheck.Finding;
import jp.sitesign.model.signature.verify.CoverageStatus;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.signature.verify.VerificationException;
import jp.sitesign.model.signature.verify.VerificationReport;

/**
 * Checks an evidence package offline (issue 15): the manifest lists exactly the entries present with their
 * hashes; the 締結証明書's seal verifies; the contract PDF is the one it names, its signatures verify and are
 * the signers and times it states; the reports are the ones it vouches for and describe that PDF. With trust
 * anchors, every signature, seal and timestamp must also chain to one of them. Each problem names its entry.
 * The PDFs are verified by the one {@link PadesVerifier}, the server's and the desktop's.
 */
public final class EvidenceChecker {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PadesVerifier verifier;
    private final boolean trust;

    /** @param anchors the CAs signers, the server's seal and the TSAs must chain to; empty: trust is not checked */
    public EvidenceChecker(Collection<X509Certificate> anchors, Clock clock) {
        this.verifier = new PadesVerifier(anchors, clock);
        this.trust = !anchors.isEmpty();
    }

    public EvidenceCheck check(byte[] zip) {
        List<Finding> problems = new ArrayList<>();
        List<Finding> confirmed = new ArrayList<>();
        Map<String, byte[]> entries;
        try {
            entries = EvidencePackage.read(zip);
        } catch (IOException e) {
            problems.add(new Finding("ZIP", "証拠一式として読めません（" + e.getMessage() + "）。",
                    "cannot be read as an evidence package (" + e.getMessage() + ")."));
            return new EvidenceCheck(problems, confirmed, trust);
        }
        checkManifest(entries, problems, confirmed);
        Optional<EvidenceStatement> statement = checkCertificate(entries.get(EvidencePackage.CERTIFICATE_PDF),
                problems, confirmed);
        if (statement.isPresent()) {
            VerificationReport contract = checkContract(entries.get(EvidencePackage.CONTRACT_PDF), statement.get(),
                    problems, confirmed);
            checkReports(entries, statement.get(), contract, problems, confirmed);
        }
        return new EvidenceCheck(problems, confirmed, trust);
    }

    private static void checkManifest(Map<String, byte[]> entries, List<Finding> problems, List<Finding> confirmed) {
        Set<String> named = new HashSet<>();
        byte[] json = entries.get(EvidencePackage.MANIFEST);
        if (json == null) {
            problems.add(new Finding(EvidencePackage.MANIFEST, "ありません（削除されています）。", "is missing (removed)."));
        } else {
            try {
                int before = problems.size();
                for (EvidenceManifest.Entry listed : EvidenceManifest.fromJson(json).entries()) {
                    named.add(listed.name());
                    byte[] content = entries.get(listed.name());
                    if (content == null) {
                        problems.add(new Finding(listed.name(), "目録にありますが、ZIP にありません（削除されています）。",
                                "is listed in the manifest but missing from the ZIP (removed)."));
                    } else if (!Digests.sha256Hex(content).equals(listed.sha256())) {
                        problems.add(new Finding(listed.name(), "目録の SHA-256 と一致しません（変更されています）。",
                                "does not match its SHA-256 in the manifest (changed)."));
                    }
                }
                if (problems.size() == before) {
                    confirmed.add(new Finding(EvidencePackage.MANIFEST, "目録のとおりの内容です。",
                            "every entry matches the manifest."));
                }
            } catch (IOException e) {
                problems.add(new Finding(EvidencePackage.MANIFEST, "読み取れません（" + e.getMessage() + "）。",
                        "cannot be read (" + e.getMessage() + ")."));
            }
        }
        for (String name : entries.keySet()) {
            if (!name.equals(EvidencePackage.MANIFEST) && !named.contains(name) && json != null) {
                problems.add(new Finding(name, "目録にない項目です（追加されています）。",
                        "is not in the manifest (added)."));
            }
        }
        for (String name : EvidencePackage.CONTENT) {
            if (!entries.containsKey(name) && !named.contains(name)) {
                problems.add(new Finding(name, "ありません（削除されています）。", "is missing (removed)."));
            }
        }
    }

    private Optional<EvidenceStatement> checkCertificate(byte[] pdf, List<Finding> problems,
            List<Finding> confirmed) {
        String name = EvidencePackage.CERTIFICATE_PDF;
        if (pdf == null) {
            return Optional.empty();
        }
        Optional<VerificationReport> seal = verify(name, pdf, problems);
        if (seal.isEmpty()) {
            return Optional.empty();
        }
        if (seal.get().signatures().stream().noneMatch(s -> s.kind() == SignatureKind.SIGNATURE)) {
            problems.add(new Finding(name, "サーバーの封印（署名）がありません。", "carries no seal (signature) of the server."));
            return Optional.empty();
        }
        if (!sound(name, seal.get(), problems, "封印", "seal")) {
            return Optional.empty();
        }
        try {
            Optional<EvidenceStatement> statement = EvidenceStatement.readFrom(pdf);
            if (statement.isEmpty()) {
                problems.add(new Finding(name, "締結証明書の記載データがありません。", "holds no evidence statement."));
            } else {
                confirmed.add(new Finding(name, "サーバーの封印とタイムスタンプを確認しました（" + signer(seal.get()) + "）。",
                        "the server's seal and timestamp verify (" + signer(seal.get()) + ")."));
            }
            return statement;
        } catch (IOException e) {
            problems.add(new Finding(name, "記載データを読み取れません（" + e.getMessage() + "）。",
                    "its evidence statement cannot be read (" + e.getMessage() + ")."));
            return Optional.empty();
        }
    }

    private VerificationReport checkContract(byte[] pdf, EvidenceStatement statement, List<Finding> problems,
            List<Finding> confirmed) {
        String name = EvidencePackage.CONTRACT_PDF;
        if (pdf == null) {
            return null;
        }
        int before = problems.size();
        if (!Digests.sha256Hex(pdf).equals(statement.documentSha256())) {
            problems.add(new Finding(name, "締結証明書に記載の文書（SHA-256 " + statement.documentSha256() + "）ではありません。",
                    "is not the document the certificate names (SHA-256 " + statement.documentSha256() + ")."));
        }
        VerificationReport report = verify(name, pdf, problems).orElse(null);
        if (report == null) {
            return null;
        }
        sound(name, report, problems, "署名", "signature");
        if (!EvidenceStatement.signaturesOf(report).equals(statement.signatures())) {
            problems.add(new Finding(name, "署名者・署名時刻が締結証明書の記載と一致しません。",
                    "its signers or signing times differ from those the certificate states."));
        }
        if (problems.size() == before) {
            confirmed.add(new Finding(name, "締結証明書に記載の文書です。署名 " + count(report, SignatureKind.SIGNATURE)
                    + " 件・文書タイムスタンプ " + count(report, SignatureKind.DOCUMENT_TIMESTAMP) + " 件を確認しました。",
                    "is the document the certificate names; " + count(report, SignatureKind.SIGNATURE)
                    + " signature(s) and " + count(report, SignatureKind.DOCUMENT_TIMESTAMP)
                    + " document timestamp(s) verify."));
        }
        return report;
    }

    private static void checkReports(Map<String, byte[]> entries, EvidenceStatement statement,
            VerificationReport contract, List<Finding> problems, List<Finding> confirmed) {
        for (String name : EvidencePackage.REPORTS) {
            byte[] content = entries.get(name);
            if (content == null) {
                continue;
            }
            if (!Digests.sha256Hex(content).equals(statement.entries().get(name))) {
                problems.add(new Finding(name, "締結証明書に記載の SHA-256 と一致しません（変更されています）。",
                        "does not match the SHA-256 the certificate states (changed)."));
            } else if (name.equals(EvidencePackage.REPORT_JSON) && contract != null && !describes(content, contract)) {
                problems.add(new Finding(name, "contract.pdf の検証結果と一致しません。",
                        "does not describe contract.pdf as it verifies."));
            } else {
                confirmed.add(new Finding(name, "締結証明書に記載のとおりです。", "is the one the certificate states."));
            }
        }
    }

    /** Whether a report.json speaks of the same signatures as a fresh verification (facts, not trust). */
    private static boolean describes(byte[] json, VerificationReport fresh) {
        try {
            JsonNode stored = JSON.readTree(json);
            JsonNode signatures = stored.path("signatures");
            if (stored.path("documentBytes").asLong(-1) != fresh.documentBytes()
                    || signatures.size() != fresh.signatures().size()) {
                return false;
            }
            for (int i = 0; i < signatures.size(); i++) {
                JsonNode s = signatures.get(i);
                SignatureReport f = fresh.signatures().get(i);
                if (s.path("number").asInt() != f.number() || !s.path("kind").asText().equals(f.kind().name())
                        || !s.path("fieldName").asText().equals(f.fieldName())
                        || !s.path("integrity").path("status").asText().equals(f.integrity().status().name())
                        || !s.path("identity").path("serialNumber").asText().equals(
                                String.valueOf(f.identity().serialNumber()))) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<VerificationReport> verify(String name, byte[] pdf, List<Finding> problems) {
        try {
            return Optional.of(verifier.verify(pdf));
        } catch (VerificationException e) {
            problems.add(new Finding(name, "PDF として検証できません（" + e.getMessage() + "）。",
                    "cannot be verified as a PDF (" + e.getMessage() + ")."));
            return Optional.empty();
        }
    }

    /**
     * Whether every signature and document timestamp of a PDF is intact and followed only by allowed additions,
     * with no document-level finding, and — when anchors were given — valid; adds the first problem if not.
     */
    private boolean sound(String name, VerificationReport report, List<Finding> problems, String whatJa,
            String whatEn) {
        if (!report.documentFindings().isEmpty()) {
            problems.add(new Finding(name, "文書の構造に問題があります: " + report.documentFindings().get(0).kind(),
                    "the document has a problem: " + report.documentFindings().get(0).kind()));
            return false;
        }
        for (SignatureReport s : report.signatures()) {
            boolean timestamp = s.kind() == SignatureKind.DOCUMENT_TIMESTAMP;
            String ja = (timestamp ? "文書タイムスタンプ" : whatJa) + " " + s.number();
            String en = (timestamp ? "document timestamp" : whatEn) + " " + s.number();
            if (!s.integrity().intact()) {
                problems.add(new Finding(name, ja + " の対象が変更されています（" + s.integrity().status() + "）。",
                        en + " no longer matches the bytes it covers (" + s.integrity().status() + ")."));
                return false;
            }
            if (s.coverage().status() != CoverageStatus.WHOLE_DOCUMENT
                    && s.coverage().status() != CoverageStatus.ALLOWED_ADDITIONS_ONLY) {
                problems.add(new Finding(name, ja + " の後に許されない変更が加えられています。",
                        en + " is followed by a change that is not allowed (" + s.coverage().status() + ")."));
                return false;
            }
            if (trust && !s.valid()) {
                problems.add(new Finding(name, ja + " は信頼する CA につながらないか、有効ではありません（"
                        + s.identity().status() + "）。",
                        en + " does not chain to a trusted CA or is not valid (" + s.identity().status() + ")."));
                return false;
            }
        }
        return true;
    }

    private static long count(VerificationReport report, SignatureKind kind) {
        return report.signatures().stream().filter(s -> s.kind() == kind).count();
    }

    private static String signer(VerificationReport report) {
        return report.signatures().stream().filter(s -> s.kind() == SignatureKind.SIGNATURE).findFirst()
                .map(s -> s.identity().subject()).orElse("?");
    }
}
