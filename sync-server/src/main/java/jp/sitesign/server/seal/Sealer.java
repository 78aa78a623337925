package jp.sitesign.server.seal;

import java.time.Clock;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.RsaPadding;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.pdf.SignatureAppearanceInfo;
import jp.sitesign.model.signature.timestamp.DocumentTimestampStep;
import jp.sitesign.model.signature.timestamp.TimestampSource;

/**
 * Seals a PDF in the server's name: a PAdES signature with the server's own key ({@link ServerSeal}), then a
 * document timestamp from the server's TSA (the DEMO TSA in demo mode), both with common-model's signing engine.
 * The 締結証明書 of an evidence package (ADR 24) and a 送付のみ contract an application sends (ADR 34) are sealed so.
 */
public final class Sealer {
    private final ServerSeal seal;
    private final TimestampSource tsa;
    private final Clock clock;

    public Sealer(ServerSeal seal, TimestampSource tsa, Clock clock) {
        this.seal = seal;
        this.tsa = tsa;
        this.clock = clock;
    }

    /**
     * The sealed PDF, an incremental update of {@code pdf}.
     *
     * @param reason what the seal means, in Japanese and English (the signature's reason)
     */
    public byte[] seal(byte[] pdf, String reason) {
        SignatureRequest request = new SignatureRequest(seal.alias(), SignatureLevel.B_B, null,
                RsaPadding.PKCS1_V1_5, new SignatureAppearanceInfo("SiteSign", reason, null));
        try {
            byte[] signed = new PadesSigner(clock).sign(pdf, seal.keys(), seal.pin(), request);
            return new DocumentTimestampStep(tsa, clock).apply(signed);
        } catch (SigningException e) {
            throw SealMessage.SEALING_FAILED.exception(e.messageJa(), e.messageEn());
        }
    }
}
