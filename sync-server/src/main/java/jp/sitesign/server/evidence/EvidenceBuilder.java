package jp.sitesign.server.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.sitesign.model.audit.AuditEvent;
import jp.sitesign.model.company.CompanyId;
import jp.sitesign.model.crypto.Digests;
import jp.sitesign.model.evidence.EvidencePackage;
import jp.sitesign.model.evidence.EvidenceStatement;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.VerificationException;
import jp.sitesign.model.signature.verify.VerificationReport;
import jp.sitesign.model.time.JapanTime;
import jp.sitesign.server.seal.Sealer;

/**
 * Makes one evidence package: verifies the contract PDF with the server's anchors (the report of DESIGN §6, as
 * JSON and as Japanese and English text — the same {@link VerificationReport} the desktop's {@code verify}
 * prints), states the contract, its signatures and audit trail, lays the certificate out, seals it, and zips
 * all with the manifest.
 */
final class EvidenceBuilder {
    private final PadesVerifier verifier;
    private final Sealer sealer;
    private final Clock clock;

    EvidenceBuilder(PadesVerifier verifier, Sealer sealer, Clock clock) {
        this.verifier = verifier;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** What the certificate says about the contract besides its PDF and events. */
    record Subject(String contractId, String managementNumber, String title, List<EvidenceStatement.Party> parties) {
    }

    byte[] build(Subject subject, byte[] pdf, List<AuditEvent> events, CompanyId viewer) {
        VerificationReport report;
        try {
            report = verifier.verify(pdf);
        } catch (VerificationException e) {
            throw EvidenceMessage.PDF_NOT_VERIFIABLE.exception(e.getMessage());
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(EvidencePackage.CONTRACT_PDF, pdf);
        entries.put(EvidencePackage.REPORT_JSON, report.toJson().getBytes(StandardCharsets.UTF_8));
        entries.put(EvidencePackage.REPORT_JA, report.toText(Locale.JAPANESE).getBytes(StandardCharsets.UTF_8));
        entries.put(EvidencePackage.REPORT_EN, report.toText(Locale.ENGLISH).getBytes(StandardCharsets.UTF_8));
        Map<String, String> vouched = new LinkedHashMap<>();
        for (String name : EvidencePackage.REPORTS) {
            vouched.put(name, Digests.sha256Hex(entries.get(name)));
        }
        EvidenceStatement statement = new EvidenceStatement(EvidenceStatement.FORMAT, subject.contractId(),
                subject.managementNumber(), subject.title(), subject.parties(), Digests.sha256Hex(pdf), pdf.length,
                EvidenceStatement.signaturesOf(report), events.stream().map(EvidenceBuilder::stated).toList(), vouched,
                JapanTime.iso(clock.instant()), viewer.value());
        entries.put(EvidencePackage.CERTIFICATE_PDF, sealer.seal(CertificatePdf.render(statement),
                "締結証明書の封印 / Seal of the certificate of completion"));
        return EvidencePackage.write(entries);
    }

    private static EvidenceStatement.StatedEvent stated(AuditEvent e) {
        return new EvidenceStatement.StatedEvent(e.sequence(), JapanTime.iso(e.time()), e.actor(), e.companyId(),
                e.action().name(), e.action().labelJa(), e.action().labelEn(), e.outcome().name(), e.clientIp());
    }
}
