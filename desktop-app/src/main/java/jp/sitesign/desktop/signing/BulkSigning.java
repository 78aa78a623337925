package jp.sitesign.desktop.signing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import jp.sitesign.desktop.messages.DesktopMessage;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.token.BatchKeySource;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.SigningKeySource;

/**
 * 一括署名: signs several contracts one after another, each exactly as the single signing dialog does
 * ({@link ContractSigning}: the same turn and policy check, the same verification, the signed PDF kept and the
 * SIGN command queued in the outbox), with one login to the token or PKCS#12 file for the whole run
 * ({@link BatchKeySource}), so the PIN is asked once and goes to the key only.
 *
 * <p>A contract that cannot be signed (no longer the user's turn, a broken document, a failed timestamp) gets its
 * reason and the run goes on with the next. A failure of the key itself (a wrong PIN, a locked token, the prompt
 * cancelled, no such key) would repeat for every contract and could lock a token, so the run stops there and the
 * contracts not yet signed say why. The run can be cancelled between contracts: the one being signed is finished.
 */
public final class BulkSigning {
    /** Failures of the key, not of a contract: the run stops instead of trying every contract with it. */
    private static final Set<SigningError> KEY_FAILURES = EnumSet.of(SigningError.WRONG_PIN, SigningError.PIN_LOCKED,
            SigningError.PIN_CANCELLED, SigningError.KEY_NOT_FOUND, SigningError.TOKEN_NOT_FOUND,
            SigningError.TOKEN_UNAVAILABLE, SigningError.KEY_UNSUPPORTED);

    private final ContractSigning signing;

    public BulkSigning(ContractSigning signing) {
        this.signing = signing;
    }

    /** How one contract went. */
    public enum Outcome {
        /** Signed, verified and queued for the server. */
        SIGNED,
        /** Not signed, for the reason given. */
        FAILED,
        /** Not tried: the run was cancelled or stopped on a failure of the key before it. */
        NOT_SIGNED
    }

    /**
     * One contract's result.
     *
     * @param signed the signature made and queued (with its verification), or null when not signed
     * @param reasonJa why it was not signed, in Japanese (null when signed)
     * @param reasonEn the same in English
     */
    public record Result(String contractId, Outcome outcome, ContractSigning.Signed signed, String reasonJa,
            String reasonEn) {
        static Result signed(ContractSigning.Signed done) {
            return new Result(done.contractId(), Outcome.SIGNED, done, null, null);
        }

        static Result failed(String contractId, String ja, String en) {
            return new Result(contractId, Outcome.FAILED, null, ja, en);
        }

        static Result notSigned(String contractId, String ja, String en) {
            return new Result(contractId, Outcome.NOT_SIGNED, null, ja, en);
        }
    }

    /** Hears how the run goes; called on the signing thread. */
    public interface Listener {
        /** Contract {@code contractId} is being signed; {@code done} of {@code total} are finished. */
        void starting(int done, int total, String contractId);

        /** {@code result} is in; {@code done} of {@code total} are now finished. */
        void finished(int done, int total, Result result);
    }

    /**
     * Signs {@code contractIds} in order on the calling thread (never the UI thread), each with the seal where
     * {@code seal} puts it on that document, and returns one result per contract in the same order.
     *
     * @param pin       asked once, when the key is first needed; the engine clears what it returns
     * @param cancelled asked before each contract: true stops the run there
     */
    public List<Result> sign(List<String> contractIds, SigningKeySource key, PinCallback pin,
            SignatureRequest request, SealRule seal, Listener listener, BooleanSupplier cancelled) {
        int total = contractIds.size();
        List<Result> results = new ArrayList<>(total);
        try (BatchKeySource batch = new BatchKeySource(key)) {
            SigningException keyFailure = null;
            for (String id : contractIds) {
                Result result;
                if (keyFailure != null) {
                    result = Result.notSigned(id, keyFailure.messageJa(), keyFailure.messageEn());
                } else if (cancelled.getAsBoolean()) {
                    result = Result.notSigned(id, DesktopMessage.BULK_CANCELLED.ja(), DesktopMessage.BULK_CANCELLED.en());
                } else {
                    listener.starting(results.size(), total, id);
                    try {
                        result = Result.signed(signing.sign(id, batch, pin, request, seal));
                    } catch (SigningException e) {
                        if (KEY_FAILURES.contains(e.error())) {
                            keyFailure = e;
                        }
                        result = Result.failed(id, e.messageJa(), e.messageEn());
                    } catch (SiteSignException e) {
                        result = Result.failed(id, e.messageJa(), e.messageEn());
                    } catch (RuntimeException e) {
                        // An unexpected failure in one contract (its document could not be fetched, the store…)
                        // must not cost the user the others.
                        String why = String.valueOf(e.getMessage());
                        result = Result.failed(id, DesktopMessage.BULK_FAILED.ja(why), DesktopMessage.BULK_FAILED.en(why));
                    }
                }
                results.add(result);
                listener.finished(results.size(), total, result);
            }
        }
        return results;
    }
}
