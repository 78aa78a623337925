package jp.sitesign.server.contracts;

import java.time.Clock;
import jp.sitesign.model.signature.timestamp.TimestampSource;
import jp.sitesign.server.seal.Sealer;
import jp.sitesign.server.seal.ServerSeal;

/**
 * The organisation seal a 送付のみ contract of an integration application is sent with instead of a person's
 * signature (ADR 34): the server's seal key and a document timestamp from its TSA, as for evidence packages.
 * Without either the send is refused with 409 naming the missing setting, never sent unsealed.
 */
final class ContractSeal {
    /** The signature's reason: what the seal stands for. */
    static final String REASON = "送付元の組織の電子印（送付のみ） / Organisation seal of the sender (send only)";

    private final Sealer sealer;
    private final String missing;

    private ContractSeal(Sealer sealer, String missing) {
        this.sealer = sealer;
        this.missing = missing;
    }

    /** From the server's seal and TSA, each null when not configured. */
    static ContractSeal of(ServerSeal seal, TimestampSource tsa, Clock clock) {
        if (seal == null) {
            return new ContractSeal(null, "seal.keystore");
        }
        if (tsa == null) {
            return new ContractSeal(null, "tsa.url");
        }
        return new ContractSeal(new Sealer(seal, tsa, clock), null);
    }

    /** Refuses (409, naming the setting) when this server cannot seal. */
    void requireAvailable() {
        if (sealer == null) {
            throw ContractMessage.SEAL_NOT_CONFIGURED.exception(missing);
        }
    }

    /** The main PDF sealed in the sender's name with a document timestamp after the seal. */
    byte[] seal(byte[] pdf) {
        requireAvailable();
        return sealer.seal(pdf, REASON);
    }
}
