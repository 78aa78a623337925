package jp.sitesign.model.signature.token;

import java.util.List;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;

/**
 * A key source for a batch: the first {@link #open} logs in to the source and every later one gets the same
 * session, so the PIN is asked once however many documents are signed, and the token or PKCS#12 file is not
 * unlocked again for each. A refused PIN is remembered and answered for the rest of the batch without asking the
 * token again: trying a wrong PIN once per document would lock a token after its few allowed attempts. Closing
 * the batch logs out.
 *
 * <p>Not for concurrent signing: a token signs one thing at a time, so the batch's callers take turns.
 */
public final class BatchKeySource implements SigningKeySource, AutoCloseable {
    private final SigningKeySource source;
    private KeySession session;
    private SigningException refused;

    public BatchKeySource(SigningKeySource source) {
        this.source = source;
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public synchronized KeySession open(PinCallback pin) throws SigningException {
        if (refused != null) {
            throw refused;
        }
        if (session == null) {
            try {
                session = source.open(pin);
            } catch (SigningException e) {
                if (remembered(e.error())) {
                    refused = e;
                }
                throw e;
            }
        }
        KeySession shared = session;
        return new KeySession() {
            @Override
            public List<String> aliases() throws SigningException {
                return shared.aliases();
            }

            @Override
            public SigningKey key(String alias) throws SigningException {
                return shared.key(alias);
            }

            @Override
            public void close() {
                // the batch logs out when it is closed
            }
        };
    }

    /** Failures that would repeat for every document: the PIN, a locked token, a cancelled prompt. */
    private static boolean remembered(SigningError error) {
        return error == SigningError.WRONG_PIN || error == SigningError.PIN_LOCKED
                || error == SigningError.PIN_CANCELLED;
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
