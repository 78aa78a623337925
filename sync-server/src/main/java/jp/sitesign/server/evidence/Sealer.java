package jp.sitesign.server.evidence;

import java.time.Clock;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.RsaPadding;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.pdf.SignatureAppearanceInfo;
import jp.sitesign.model.signature.timestamp.DocumentTimestampStep;
import jp.sitesign.model.signature.timestamp.TimestampSource;

/**
 * Seals a certificate PDF: a PAdES signature with the server's own key ({@link ServerSeal}), then a document
 * timestamp from the server's TSA (the DEMO TSA in demo mode), both with common-model's signing engine.
 */
final class Sealer {
    private final ServerSeal seal;
    private final TimestampSource tsa;
    private final Clock clock;

    Sealer(ServerSeal seal, TimestampSource tsa, Clock clock) {
        this.seal = seal;
        this.tsa = tsa;
        this.clock = clock;
    }

    byte[] seal(byte[] pdf) {
        SignatureRequest request = new SignatureRequest(seal.alias(), SignatureLevel.B_B, null,
                RsaPadding.PKCS1_V1_5, new SignatureAppearanceInfo("SiteSign",
                        "締結証明書の封印 / Seal of the certificate of completion", null));
        try {
            byte[] signed = new PadesSigner(clock).sign(pdf, seal.keys(), seal.pin(), request);
            return new DocumentTimestampStep(tsa, clock).apply(signed);
        } catch (SigningException e) {
            throw new SiteSignException(ErrorCode.INTERNAL, "締結証明書の封印に失敗しました: " + e.messageJa(),
                    "Sealing the certificate of completion failed: " + e.messageEn());
        }
    }
}
