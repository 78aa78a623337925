package jp.sitesign.desktop.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import jp.sitesign.desktop.ui.I18n;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.signature.verify.CertificateRevocation;
import jp.sitesign.model.signature.verify.Change;
import jp.sitesign.model.signature.verify.ChangeKind;
import jp.sitesign.model.signature.verify.Coverage;
import jp.sitesign.model.signature.verify.CoverageStatus;
import jp.sitesign.model.signature.verify.DocumentFinding;
import jp.sitesign.model.signature.verify.DocumentFindingKind;
import jp.sitesign.model.signature.verify.Identity;
import jp.sitesign.model.signature.verify.Integrity;
import jp.sitesign.model.signature.verify.IntegrityStatus;
import jp.sitesign.model.signature.verify.RevocationData;
import jp.sitesign.model.signature.verify.RevocationReport;
import jp.sitesign.model.signature.verify.RevocationStatus;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.signature.verify.SigningTime;
import jp.sitesign.model.signature.verify.TimeSource;
import jp.sitesign.model.signature.verify.TimestampReport;
import jp.sitesign.model.signature.verify.TimestampStatus;
import jp.sitesign.model.signature.verify.TrustStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every verdict of the verifier has its sentence in Japanese and English, says the right thing, and sorts
 * into the right traffic light: integrity, trust (and revocation), timestamp, coverage, each kind of change,
 * each source of the signing time and each document-level finding.
 */
class SignatureTextsTest {
    static final SignatureTexts JA = new SignatureTexts(I18n.bundle(Language.JA));
    static final SignatureTexts EN = new SignatureTexts(I18n.bundle(Language.EN));
    static final Instant SIGNED = Instant.parse("2026-04-01T01:02:03Z");
    static final String SIGNED_JST = "2026/04/01 10:02:03";
    static final String SUBJECT = "CN=山田 太郎,O=山田建設株式会社,C=JP";
    static final String ISSUER = "CN=SiteSign Demo CA,O=SiteSign,C=JP";
    static final String TSA = "CN=Demo TSA,O=SiteSign,C=JP";

    @ParameterizedTest
    @EnumSource(IntegrityStatus.class)
    void everyIntegrityVerdictHasASentenceAndOnlyIntactIsCalledSo(IntegrityStatus status) {
        SignatureReport s = valid().integrity(new Integrity(status, "detail")).build();

        assertThat(JA.integrity(s)).isNotBlank().isNotEqualTo(EN.integrity(s));
        assertThat(JA.integrity(s).startsWith("改ざんなし")).isEqualTo(status == IntegrityStatus.INTACT);
        assertThat(EN.integrity(s).startsWith("Intact")).isEqualTo(status == IntegrityStatus.INTACT);
        assertThat(SignatureTexts.light(s))
                .isEqualTo(status == IntegrityStatus.INTACT ? SignatureLight.GREEN : SignatureLight.RED);
    }

    @Test
    void aTamperedSignatureSaysSoPlainly() {
        SignatureReport s = valid().integrity(new Integrity(IntegrityStatus.DIGEST_MISMATCH, "x")).build();

        assertThat(JA.integrity(s)).isEqualTo("改ざんあり: 署名の後に、署名された内容が書き換えられています。");
        assertThat(EN.integrity(s)).isEqualTo("Tampered: the signed content was altered after signing.");
    }

    @ParameterizedTest
    @EnumSource(TrustStatus.class)
    void everyTrustVerdictSaysWhetherTheSignerIsTrustedAndWhyNot(TrustStatus status) {
        SignatureReport s = valid().signer(identity(SUBJECT, status)).build();

        String ja = JA.trust(s).get(0);
        String en = EN.trust(s).get(0);
        switch (status) {
            case TRUSTED -> {
                assertThat(ja).startsWith("署名者は信頼済み").contains("SiteSign Demo CA", SIGNED_JST);
                assertThat(en).startsWith("Signer trusted").contains("SiteSign Demo CA");
            }
            case UNTRUSTED_CHAIN -> {
                assertThat(ja).startsWith("署名者は信頼されていません").contains("「SiteSign Demo CA」", "不明な発行元");
                assertThat(en).startsWith("Signer not trusted").contains("\"SiteSign Demo CA\"", "unknown issuer");
            }
            case EXPIRED -> {
                assertThat(ja).contains("有効期限が切れていました", SIGNED_JST);
                assertThat(en).contains("had expired", SIGNED_JST);
            }
            case NOT_YET_VALID -> {
                assertThat(ja).contains("まだ有効になっていませんでした");
                assertThat(en).contains("not yet valid");
            }
        }
        assertThat(SignatureTexts.light(s))
                .isEqualTo(status == TrustStatus.TRUSTED ? SignatureLight.GREEN : SignatureLight.YELLOW);
    }

    @Test
    void aCertificateRevokedBeforeSigningMakesTheSignerUntrustedAndTheLightRed() {
        SignatureReport s = valid().revocation(revocation(RevocationStatus.REVOKED)).build();

        assertThat(JA.trust(s)).containsExactly(
                "署名者は信頼されていません: 証明書は署名時点（" + SIGNED_JST + "）より前に失効（取り消し）されていました。");
        assertThat(EN.trust(s).get(0)).startsWith("Signer not trusted").contains("revoked before");
        assertThat(SignatureTexts.light(s)).isEqualTo(SignatureLight.RED);
    }

    @Test
    void aCertificateRevokedAfterATimestampedSignatureKeepsItValidAndSaysWhy() {
        SignatureReport s = valid().revocation(revocation(RevocationStatus.REVOKED_AFTER_SIGNING)).build();

        assertThat(JA.trust(s)).hasSize(2);
        assertThat(JA.trust(s).get(0)).startsWith("署名者は信頼済み");
        assertThat(JA.trust(s).get(1)).contains("署名の後に失効しました", "この署名は有効です");
        assertThat(EN.trust(s).get(1)).contains("revoked after signing", "stays valid");
        assertThat(SignatureTexts.light(s)).isEqualTo(SignatureLight.GREEN);
    }

    @ParameterizedTest
    @EnumSource(RevocationStatus.class)
    void onlyARevocationAtOrBeforeSigningTurnsTheLightRed(RevocationStatus status) {
        SignatureReport s = valid().revocation(revocation(status)).build();

        assertThat(SignatureTexts.light(s))
                .isEqualTo(status == RevocationStatus.REVOKED ? SignatureLight.RED : SignatureLight.GREEN);
        assertThat(JA.trust(s).get(0).startsWith("署名者は信頼済み")).isEqualTo(status != RevocationStatus.REVOKED);
    }

    @ParameterizedTest
    @EnumSource(TimestampStatus.class)
    void everyTimestampVerdictSaysWhetherTheTimeIsProven(TimestampStatus status) {
        SignatureReport s = valid().timestamp(new TimestampReport(status, SIGNED, identity(TSA, TrustStatus.TRUSTED),
                null)).build();

        if (status == TimestampStatus.VALID) {
            assertThat(JA.timestamp(s)).isEqualTo(
                    "タイムスタンプあり: 時刻認証局「Demo TSA」が、" + SIGNED_JST + " にこの署名が存在していたことを証明しています。");
            assertThat(EN.timestamp(s)).startsWith("Timestamped: the time-stamping authority \"Demo TSA\" proves");
            assertThat(SignatureTexts.light(s)).isEqualTo(SignatureLight.GREEN);
        } else {
            assertThat(JA.timestamp(s)).startsWith("タイムスタンプが無効です: ").endsWith("日時の証明になりません。")
                    .doesNotContain("{");
            assertThat(EN.timestamp(s)).startsWith("The timestamp is invalid: ").endsWith("It proves no time.");
            assertThat(SignatureTexts.light(s)).isEqualTo(SignatureLight.RED);
        }
    }

    @Test
    void aTimestampFromAnUntrustedAuthorityProvesNoTimeButIsNotCalledBroken() {
        SignatureReport s = valid().timestamp(new TimestampReport(TimestampStatus.VALID, SIGNED,
                identity(TSA, TrustStatus.UNTRUSTED_CHAIN), null)).build();

        assertThat(JA.timestamp(s)).isEqualTo("タイムスタンプはありますが、時刻認証局「Demo TSA」が信頼されていないため、日時の証明になりません。");
        assertThat(SignatureTexts.light(s)).isEqualTo(SignatureLight.YELLOW);
    }

    @Test
    void aTimestampWhoseAuthorityWasRevokedProvesNoTime() {
        SignatureReport s = valid().timestamp(new TimestampReport(TimestampStatus.VALID, SIGNED,
                identity(TSA, TrustStatus.TRUSTED), null, revocation(RevocationStatus.REVOKED))).build();

        assertThat(JA.timestamp(s)).contains("「Demo TSA」の証明書が失効しているため");
        assertThat(EN.timestamp(s)).contains("was revoked");
        assertThat(SignatureTexts.light(s)).isEqualTo(SignatureLight.RED);
    }

    @ParameterizedTest
    @EnumSource(TimeSource.class)
    void everySourceOfTheSigningTimeSaysWhetherTheTimeIsProven(TimeSource source) {
        Instant claimed = SIGNED.minusSeconds(3600);
        SignatureReport s = valid().time(new SigningTime(claimed, SIGNED, source))
                .timestamp(source == TimeSource.SIGNATURE_TIMESTAMP ? trustedStamp() : null).build();

        switch (source) {
            case SIGNATURE_TIMESTAMP -> {
                assertThat(JA.when(s)).isEqualTo("署名日時: " + SIGNED_JST + "（タイムスタンプで証明済み）");
                assertThat(EN.when(s)).isEqualTo("Signed at " + SIGNED_JST + " (proven by a timestamp)");
            }
            case DOCUMENT_TIMESTAMP -> {
                assertThat(JA.when(s)).contains("2026/04/01 09:02:03", "署名者の申告", SIGNED_JST, "文書タイムスタンプで証明");
                assertThat(JA.timestamp(s)).contains("後の文書タイムスタンプにより、" + SIGNED_JST);
                assertThat(EN.when(s)).contains("as the signer states", "document timestamp proves");
            }
            case VERIFICATION_TIME -> {
                assertThat(JA.when(s)).isEqualTo("署名日時: 2026/04/01 09:02:03（署名者の申告。タイムスタンプがないため証明されていません）");
                assertThat(JA.timestamp(s)).startsWith("タイムスタンプなし");
                assertThat(EN.when(s)).contains("not proven");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CoverageStatus.class)
    void everyCoverageVerdictSaysWhatHappenedAfterTheSignature(CoverageStatus status) {
        List<Change> changes = switch (status) {
            case ALLOWED_ADDITIONS_ONLY -> List.of(new Change(ChangeKind.LATER_SIGNATURE, null, "Signature2"));
            case DISALLOWED_MODIFICATION -> List.of(new Change(ChangeKind.FORM_FIELD_CHANGED, 1, "amount"));
            default -> List.of();
        };
        SignatureReport s = valid().coverage(new Coverage(status, 2, 3, 1000, changes)).build();

        String ja = JA.changes(s.coverage()).get(0);
        String en = EN.changes(s.coverage()).get(0);
        switch (status) {
            case WHOLE_DOCUMENT -> assertThat(ja).startsWith("署名後の変更なし");
            case ALLOWED_ADDITIONS_ONLY -> assertThat(ja).contains("後の署名・タイムスタンプ・検証用データだけ");
            case DISALLOWED_MODIFICATION -> {
                assertThat(ja).isEqualTo("署名後に変更があります（入力欄への記入・変更）。表示中の文書は、署名された内容と違う可能性があります。");
                assertThat(en).startsWith("Changed after signing (form fields filled in or changed).");
            }
            case UNKNOWN -> assertThat(ja).contains("確認できません");
        }
        assertThat(en).isNotBlank().isNotEqualTo(ja);
        assertThat(JA.changes(s.coverage())).hasSize(1 + changes.size());
        assertThat(SignatureTexts.light(s)).isEqualTo(switch (status) {
            case WHOLE_DOCUMENT, ALLOWED_ADDITIONS_ONLY -> SignatureLight.GREEN;
            case DISALLOWED_MODIFICATION, UNKNOWN -> SignatureLight.RED;
        });
    }

    @ParameterizedTest
    @EnumSource(ChangeKind.class)
    void everyKindOfChangeHasItsOwnLineAndGroup(ChangeKind kind) {
        Coverage coverage = new Coverage(kind.allowed() ? CoverageStatus.ALLOWED_ADDITIONS_ONLY
                : CoverageStatus.DISALLOWED_MODIFICATION, 2, 3, 1000, List.of(new Change(kind, 2, "/Thing")));

        String ja = JA.changes(coverage).get(1);
        String en = EN.changes(coverage).get(1);

        assertThat(ja).startsWith("・").doesNotContain("{").doesNotContain("null");
        assertThat(en).startsWith("• ").doesNotContain("{").doesNotContain("null");
        assertThat(ja.endsWith("（問題ありません）")).isEqualTo(kind.allowed());
        assertThat(en.endsWith("(allowed)")).isEqualTo(kind.allowed());
        String group = SignatureTexts.group(kind);
        assertThat(group).isEqualTo(switch (kind) {
            case LATER_SIGNATURE, DOCUMENT_TIMESTAMP, VALIDATION_DATA -> "ALLOWED";
            case FORM_FIELD_CHANGED -> "FORM";
            case ANNOTATION_ADDED, ANNOTATION_CHANGED -> "ANNOTATIONS";
            case PAGE_CONTENT_CHANGED, PAGES_CHANGED -> "PAGES";
            case CATALOG_CHANGED, OBJECT_CHANGED, UNSIGNED_DATA -> "OTHER";
        });
        if (!kind.allowed()) {
            assertThat(JA.changes(coverage).get(0)).contains(
                    I18n.bundle(Language.JA).getString("signatures.changeGroup." + group));
        }
    }

    @Test
    void severalKindsOfChangeAreNamedOnceEachInTheSummary() {
        Coverage coverage = new Coverage(CoverageStatus.DISALLOWED_MODIFICATION, 2, 3, 1000, List.of(
                new Change(ChangeKind.ANNOTATION_ADDED, 1, "Square"), new Change(ChangeKind.ANNOTATION_CHANGED, 2, "Ink"),
                new Change(ChangeKind.PAGE_CONTENT_CHANGED, 2, "/Contents"), new Change(ChangeKind.OBJECT_CHANGED, null, "7 0")));

        assertThat(EN.changes(coverage).get(0)).startsWith(
                "Changed after signing (annotations added or changed, page content changed, other changes).");
        assertThat(JA.changes(coverage)).contains("・2 ページ目の内容が変更されました", "・文書内部のデータ（7 0）が置き換え・削除されました");
    }

    @ParameterizedTest
    @EnumSource(DocumentFindingKind.class)
    void everyDocumentFindingHasASentence(DocumentFindingKind kind) {
        DocumentFinding finding = new DocumentFinding(kind, kind == DocumentFindingKind.SIGNATURE_REMOVED ? "Signature1" : null, 2);

        assertThat(JA.finding(finding)).startsWith("注意: ").doesNotContain("{");
        assertThat(EN.finding(finding)).matches("(Note|Warning): .+").doesNotContain("{");
        if (kind == DocumentFindingKind.SIGNATURE_REMOVED) {
            assertThat(JA.finding(finding)).contains("Signature1", "削除されています");
        }
    }

    @Test
    void theHeadingNamesTheSignerAndTheCompanyFromTheCertificateAndADocumentTimestampItsAuthority() {
        assertThat(JA.heading(valid().build())).isEqualTo("署名 1: 山田 太郎（山田建設株式会社）");
        assertThat(EN.heading(valid().build())).isEqualTo("Signature 1: 山田 太郎 (山田建設株式会社)");
        assertThat(JA.heading(valid().signer(identity("CN=Solo Signer", TrustStatus.TRUSTED)).build()))
                .isEqualTo("署名 1: Solo Signer");
        assertThat(JA.heading(valid().signer(identity(null, TrustStatus.UNTRUSTED_CHAIN)).build()))
                .isEqualTo("署名 1: （証明書が読み取れません）");
        SignatureReport stamp = valid().kind(SignatureKind.DOCUMENT_TIMESTAMP).signer(identity(TSA, TrustStatus.TRUSTED))
                .timestamp(trustedStamp()).build();
        assertThat(JA.heading(stamp)).isEqualTo("文書タイムスタンプ 1: Demo TSA");
        assertThat(JA.when(stamp)).isEqualTo("日時: " + SIGNED_JST);
        assertThat(JA.trust(stamp).get(0)).startsWith("時刻認証局は信頼済み");
        assertThat(JA.timestamp(stamp)).contains("この文書（それまでの署名を含む）が存在していた");
    }

    @Test
    void aCompanyCertificateNamesTheCompanyOnceAndThePersonWhereTheCertificateCarriesTheirName() {
        String demo = "CN=DEMO 【デモ】サイトサイン建設株式会社,T=代表取締役,O=【デモ】サイトサイン建設株式会社,C=JP";
        assertThat(JA.heading(valid().signer(identity(demo, TrustStatus.TRUSTED)).build()))
                .as("the company once, not twice").isEqualTo("署名 1: 【デモ】サイトサイン建設株式会社");
        String named = "CN=DEMO 山田建設株式会社,SURNAME=山田,GIVENNAME=太郎,O=山田建設株式会社,C=JP";
        assertThat(JA.heading(valid().signer(identity(named, TrustStatus.TRUSTED)).build()))
                .as("the person first, then the company").isEqualTo("署名 1: 山田 太郎（山田建設株式会社）");
    }

    @Test
    void theVerdictIsAFullWord_有効_無効_要確認() {
        ResourceBundle ja = I18n.bundle(Language.JA);
        assertThat(ja.getString("signatures.light.GREEN")).isEqualTo("有効");
        assertThat(ja.getString("signatures.light.RED")).isEqualTo("無効");
        assertThat(ja.getString("signatures.light.YELLOW")).isEqualTo("要確認");
        SignatureReport tampered = valid().integrity(new Integrity(IntegrityStatus.DIGEST_MISMATCH, "x")).build();
        assertThat(JA.entry(tampered).verdict()).isEqualTo("無効");
    }

    @Test
    void datesFollowTheUsersStyle_西暦_or_和暦() {
        SignatureTexts wareki = new SignatureTexts(I18n.bundle(Language.JA),
                jp.sitesign.desktop.ui.DateDisplay.of(jp.sitesign.desktop.ui.DateStyle.WAREKI));
        assertThat(JA.when(valid().build())).isEqualTo("署名日時: 2026/04/01 10:02:03（タイムスタンプで証明済み）");
        assertThat(wareki.when(valid().build())).startsWith("署名日時: 令和8年4月1日 10:02:03");
    }

    @Test
    void theLightIsAlsoSaidInWords() {
        ResourceBundle ja = I18n.bundle(Language.JA);
        assertThat(JA.entry(valid().build()).verdict()).isEqualTo(ja.getString("signatures.light.GREEN")).isEqualTo("有効");
        for (SignatureLight light : SignatureLight.values()) {
            assertThat(ja.getString("signatures.light." + light)).isNotBlank();
            assertThat(I18n.bundle(Language.EN).getString("signatures.light." + light)).isNotBlank();
        }
    }

    private static TimestampReport trustedStamp() {
        return new TimestampReport(TimestampStatus.VALID, SIGNED, identity(TSA, TrustStatus.TRUSTED), null);
    }

    private static Identity identity(String subject, TrustStatus status) {
        return new Identity(status, subject, ISSUER, "1a", List.of(), SIGNED, status == TrustStatus.TRUSTED ? null : "x");
    }

    private static RevocationReport revocation(RevocationStatus status) {
        return new RevocationReport(RevocationData.PRESENT, List.of(new CertificateRevocation(SUBJECT, "1a",
                RevocationData.PRESENT, List.of("DSS OCSP"), status, SIGNED, null, List.of())));
    }

    private static Builder valid() {
        return new Builder();
    }

    /** A valid timestamped signature, one verdict at a time changed. */
    private static final class Builder {
        private SignatureKind kind = SignatureKind.SIGNATURE;
        private Integrity integrity = Integrity.passed();
        private Coverage coverage = new Coverage(CoverageStatus.WHOLE_DOCUMENT, 2, 2, 1000, List.of());
        private Identity identity = identity(SUBJECT, TrustStatus.TRUSTED);
        private RevocationReport revocation = new RevocationReport(RevocationData.NOT_PRESENT, List.of());
        private TimestampReport timestamp = trustedStamp();
        private SigningTime time = new SigningTime(SIGNED, SIGNED, TimeSource.SIGNATURE_TIMESTAMP);

        Builder kind(SignatureKind k) { kind = k; return this; }
        Builder integrity(Integrity i) { integrity = i; return this; }
        Builder coverage(Coverage c) { coverage = c; return this; }
        Builder signer(Identity i) { identity = i; return this; }
        Builder revocation(RevocationReport r) { revocation = r; return this; }
        Builder timestamp(TimestampReport t) { timestamp = t; return this; }
        Builder time(SigningTime t) { time = t; return this; }

        SignatureReport build() {
            return new SignatureReport(1, "Signature1", kind, integrity, coverage, identity, revocation, timestamp, time);
        }
    }
}
