package jp.sitesign.model.signature.verify;

import jp.sitesign.model.document.PdfLimits;
import jp.sitesign.model.document.SafePdf;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.testing.CmsForgery;
import jp.sitesign.model.signature.testing.TestPdfs;
import jp.sitesign.model.signature.testing.TwoSigners;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upload check's refusals that name what is wrong: a "signed" version identical to its base, a base that is
 * no PDF (cannot be verified — not "too complex"), and a second signature that does not verify (the refusal
 * names signature 2, not the valid first one). And what the signing update may add, seen from
 * {@link SignatureUpdate}: the new signature only, the earlier one being no addition.
 */
class SignedVersionRefusalTest {
    @TempDir
    static Path dir;
    static TwoSigners signers;
    static byte[] once;
    static byte[] twice;

    private final PadesVerifier verifier = new PadesVerifier(List.of(signers.ca().root()), Clock.systemUTC());
    private final SignedVersionCheck check = new SignedVersionCheck(verifier);

    @BeforeAll
    static void sign() throws Exception {
        signers = TwoSigners.create(dir, "SiteSign Test Upload Refusal CA");
        once = signers.alice(TestPdfs.multiPage(1));
        twice = signers.bob(once);
    }

    @Test
    void theSecondSignatureOnTopOfTheFirstIsAccepted() {
        SignatureReport added = check.check(once, twice);

        assertThat(added.number()).isEqualTo(2);
        assertThat(added.identity().subject()).contains("CN=Bob");
    }

    @Test
    void aVersionIdenticalToItsBaseIsNoIncrementalUpdate() {
        assertThatThrownBy(() -> check.check(once, once.clone())).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
            assertThat(e.messageJa()).isEqualTo(SignedVersionMessage.NOT_AN_INCREMENTAL_UPDATE.ja());
        });
    }

    @Test
    void aBaseThatIsNoPdfCannotBeVerifiedAndIsNotCalledTooComplex() {
        byte[] base = "no PDF at all".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = (new String(base, StandardCharsets.US_ASCII) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> check.check(base, signed)).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
            assertThat(e.messageJa()).isEqualTo(SignedVersionMessage.CANNOT_VERIFY.ja());
        });
    }

    @Test
    void anInvalidSecondSignatureIsNamedInTheRefusal() {
        // A signing-time attribute added to Bob's signed attributes after he signed them: his signature breaks.
        byte[] forged = CmsForgery.rewrite(twice, 1, CmsForgery.signer(info -> CmsForgery.withSignedAttributes(info,
                withSigningTime(new AttributeTable(info.getAuthenticatedAttributes())))));

        assertThatThrownBy(() -> check.check(once, forged)).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
            assertThat(e.messageJa()).startsWith("署名の検証に失敗しました（署名 2）。");
            assertThat(e.messageEn()).startsWith("The signature did not verify.");
        });
    }

    @Test
    void theSigningUpdateAddsTheNewSignatureAndNotTheOneBeforeIt() throws Exception {
        String bob = verifier.verify(twice).signatures().get(1).fieldName();

        List<Change> changes = SignatureUpdate.changes(once, twice, SafePdf.start(PdfLimits.DEFAULT));

        assertThat(changes).filteredOn(change -> change.kind() == ChangeKind.LATER_SIGNATURE)
                .extracting(Change::what).containsExactly(bob);
        assertThat(changes).allMatch(Change::allowed);
    }

    @Test
    void aVersionTooComplexToReadIsRefusedWithTheLimitItPassed() {
        PdfLimits noTime = PdfLimits.DEFAULT.withTimeout(java.time.Duration.ZERO);
        SignedVersionCheck hurried = new SignedVersionCheck(new PadesVerifier(List.of(signers.ca().root()),
                Clock.systemUTC(), noTime));

        assertThatThrownBy(() -> hurried.check(once, twice)).isInstanceOfSatisfying(SiteSignException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
            assertThat(e.messageJa()).as("the limit is named, not only the code's general words")
                    .isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX.messageJa() + "（読み取りに 0 秒以上かかります）");
            assertThat(e.messageEn()).endsWith("(reading it takes longer than 0 seconds)");
        });
    }

    private static DERSet withSigningTime(AttributeTable attributes) {
        ASN1EncodableVector all = attributes.toASN1EncodableVector();
        all.add(new Attribute(CMSAttributes.signingTime, new DERSet(new DERUTCTime(new Date(0)))));
        return new DERSet(all);
    }
}
