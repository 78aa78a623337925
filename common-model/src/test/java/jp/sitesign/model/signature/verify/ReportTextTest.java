package jp.sitesign.model.signature.verify;

import org.junit.jupiter.api.Test;

import java.security.cert.CRLReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words of the report for cases a signed test document rarely produces: no timestamp or a failed
 * one, every revocation summary of a chain, a certificate whose only data was set aside, and signer
 * names that are missing, in Japanese, without a CN or not a distinguished name at all.
 */
class ReportTextTest {
    private static final Instant SIGNED = Instant.parse("2026-12-01T01:00:00Z");
    private static final Identity TSA = new Identity(TrustStatus.TRUSTED, "CN=Test TSA,O=SiteSign Test,C=JP",
            "CN=Test CA", "02", List.of(), SIGNED, null);

    @Test
    void theTimestampPartSaysWhenThereIsNoneAndWhyOneFailed() {
        String none = text(signature("CN=Alice", null, revocation()), Locale.JAPANESE);
        TimestampReport mismatch = new TimestampReport(TimestampStatus.IMPRINT_MISMATCH, SIGNED, TSA, "other data");
        String failed = text(signature("CN=Alice", mismatch, revocation()), Locale.JAPANESE);
        String failedEnglish = text(signature("CN=Alice", mismatch, revocation()), Locale.ENGLISH);

        assertThat(none).contains(" / タイムスタンプ: なし / ");
        assertThat(text(signature("CN=Alice", null, revocation()), Locale.ENGLISH)).contains(" / Timestamp: none / ");
        assertThat(failed).contains(" / タイムスタンプ: 無効（別のデータに対するタイムスタンプです） / ");
        assertThat(failedEnglish).contains(" / Timestamp: invalid (it is a timestamp of other data) / ");
    }

    @Test
    void theRevocationSummaryIsTheWorstStatusOfTheChain() {
        assertThat(summary()).isEqualTo("確認できません（文書に信頼できる失効情報がありません）");
        assertThat(summary(RevocationStatus.NOT_CHECKED, RevocationStatus.NOT_CHECKED))
                .isEqualTo("確認できません（文書に信頼できる失効情報がありません）");
        assertThat(summary(RevocationStatus.GOOD, RevocationStatus.GOOD)).isEqualTo("失効していません");
        assertThat(summary(RevocationStatus.GOOD, RevocationStatus.NOT_CHECKED)).isEqualTo("一部の証明書は確認できません");
        assertThat(summary(RevocationStatus.UNKNOWN)).isEqualTo("一部の証明書は確認できません");
        assertThat(summary(RevocationStatus.GOOD, RevocationStatus.REVOKED_AFTER_SIGNING))
                .isEqualTo("署名後に失効した証明書があります（署名は有効）");
        assertThat(summary(RevocationStatus.REVOKED_AFTER_SIGNING, RevocationStatus.REVOKED))
                .isEqualTo("失効した証明書があります（署名日時の時点で失効済み）");
    }

    @Test
    void aCertificateWhoseOnlyDataWasSetAsideGetsALineSayingSoAndOneWithNothingAtAllGetsNone() {
        IgnoredRevocation forged = new IgnoredRevocation(RevocationKind.OCSP, EmbeddedRevocation.DSS_OCSP,
                IgnoredRevocation.Reason.NOT_SIGNED_BY_ISSUER, "signed by someone else");
        RevocationReport setAside = revocation(certificate("CN=Alice,O=SiteSign Test,C=JP",
                RevocationStatus.NOT_CHECKED, null, List.of(forged)));
        RevocationReport nothing = revocation(certificate("CN=Alice,O=SiteSign Test,C=JP",
                RevocationStatus.NOT_CHECKED, null, List.of()));

        String withLine = text(signature("CN=Alice", null, setAside), Locale.JAPANESE);
        String withoutLine = text(signature("CN=Alice", null, nothing), Locale.JAPANESE);

        assertThat(withLine).contains("  ・失効確認 Alice: 確認できません（信頼できる失効情報が文書に含まれていません）\n",
                "    ！信頼できない失効情報（OCSP、DSS OCSP）を無視しました: 発行元の認証局の署名がありません（偽造の可能性があります）\n");
        assertThat(text(signature("CN=Alice", null, setAside), Locale.ENGLISH)).contains(
                "Revocation of Alice: cannot be checked (the document holds no trustworthy revocation data for it)");
        assertThat(withoutLine).doesNotContain("・失効確認");
    }

    @Test
    void aGoodAnswerIssuedAfterTheSigningTimeIsNotFlaggedAsPredatingIt() {
        RevocationEvidence later = new RevocationEvidence(RevocationKind.CRL, EmbeddedRevocation.DSS_CRL,
                SIGNED.plus(Duration.ofHours(1)), null, null);
        RevocationEvidence earlier = new RevocationEvidence(RevocationKind.CRL, EmbeddedRevocation.DSS_CRL,
                SIGNED.minus(Duration.ofHours(1)), null, null);

        String fresh = text(signature("CN=Alice", null, revocation(certificate("CN=Alice", RevocationStatus.GOOD, later,
                List.of()))), Locale.JAPANESE);
        String stale = text(signature("CN=Alice", null, revocation(certificate("CN=Alice", RevocationStatus.GOOD, earlier,
                List.of()))), Locale.JAPANESE);

        assertThat(fresh).contains("・失効確認 Alice: 失効していません（CRL、2026-12-01 11:00").doesNotContain("より前のもの");
        assertThat(stale).contains("・失効確認 Alice: 失効していません（CRL、2026-12-01 09:00", "より前のもの");
    }

    @Test
    void theSignerIsNamedByTheCommonNameOrTheWholeSubjectWhenItHasNone() {
        assertThat(signer(null, Locale.JAPANESE)).isEqualTo("不明");
        assertThat(signer(null, Locale.ENGLISH)).isEqualTo("unknown");
        assertThat(signer("CN=山田 太郎,O=株式会社テスト建設,C=JP", Locale.JAPANESE)).isEqualTo("山田 太郎");
        assertThat(signer("CN=Sato\\, Ichiro,O=SiteSign Test,C=JP", Locale.ENGLISH)).isEqualTo("Sato, Ichiro");
        assertThat(signer("O=株式会社テスト建設,C=JP", Locale.JAPANESE)).isEqualTo("O=株式会社テスト建設,C=JP");
        assertThat(signer("no distinguished name", Locale.ENGLISH)).isEqualTo("no distinguished name");
    }

    private static String signer(String subject, Locale locale) {
        String text = text(signature(subject, null, revocation()), locale);
        String label = locale == Locale.ENGLISH ? " / Signer: " : " / 署名者: ";
        int start = text.indexOf(label) + label.length();
        return text.substring(start, text.indexOf(" / ", start));
    }

    private static String summary(RevocationStatus... statuses) {
        List<CertificateRevocation> certificates = new ArrayList<>();
        for (RevocationStatus status : statuses) {
            RevocationEvidence evidence = status == RevocationStatus.NOT_CHECKED ? null
                    : new RevocationEvidence(RevocationKind.OCSP, EmbeddedRevocation.DSS_OCSP, SIGNED,
                    status.name().startsWith("REVOKED") ? SIGNED : null,
                    status.name().startsWith("REVOKED") ? CRLReason.KEY_COMPROMISE : null);
            certificates.add(certificate("CN=Cert " + certificates.size(), status, evidence, List.of()));
        }
        String text = text(signature("CN=Alice", null, new RevocationReport(RevocationData.NOT_PRESENT, certificates)),
                Locale.JAPANESE);
        String label = " / 失効確認: ";
        int start = text.indexOf(label) + label.length();
        return text.substring(start, text.indexOf('\n', start));
    }

    private static CertificateRevocation certificate(String subject, RevocationStatus status, RevocationEvidence evidence,
                                                     List<IgnoredRevocation> ignored) {
        return new CertificateRevocation(subject, "0a", evidence == null ? RevocationData.NOT_PRESENT
                : RevocationData.PRESENT, evidence == null ? List.of() : List.of(evidence.source()), status, SIGNED,
                evidence, ignored);
    }

    private static RevocationReport revocation(CertificateRevocation... certificates) {
        return new RevocationReport(RevocationData.NOT_PRESENT, List.of(certificates));
    }

    private static SignatureReport signature(String subject, TimestampReport timestamp, RevocationReport revocation) {
        return new SignatureReport(1, "Signature1", SignatureKind.SIGNATURE, Integrity.passed(),
                new Coverage(CoverageStatus.WHOLE_DOCUMENT, 1, 1, 1000, List.of()),
                new Identity(TrustStatus.TRUSTED, subject, "CN=Test CA", "01", List.of(), SIGNED, null),
                revocation, timestamp, new SigningTime(SIGNED, SIGNED, TimeSource.VERIFICATION_TIME));
    }

    private static String text(SignatureReport signature, Locale locale) {
        return new ReportText(locale).write(new VerificationReport(SIGNED, 1000, List.of(signature), List.of()));
    }
}
