package jp.sitesign.desktop.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.token.KeySession;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.SigningKey;
import jp.sitesign.model.signature.token.SigningKeySource;
import jp.sitesign.model.time.JapanTime;

/**
 * A key source as the signing dialog offers it: an empty alias means "the only key on it" (most tokens carry
 * one signing key, and users do not know aliases), and a certificate outside its validity is refused with
 * {@link SigningError#CERTIFICATE_EXPIRED} before anything is signed, since the server would reject it.
 */
final class CheckedKeySource implements SigningKeySource {
    private final SigningKeySource inner;
    private final Clock clock;

    CheckedKeySource(SigningKeySource inner, Clock clock) {
        this.inner = inner;
        this.clock = clock;
    }

    @Override
    public String description() {
        return inner.description();
    }

    @Override
    public KeySession open(PinCallback pin) throws SigningException {
        KeySession session = inner.open(pin);
        return new KeySession() {
            @Override
            public List<String> aliases() throws SigningException {
                return session.aliases();
            }

            @Override
            public SigningKey key(String alias) throws SigningException {
                SigningKey key = session.key(alias.isBlank() ? sole(session) : alias);
                checkValidity(key.certificate());
                return key;
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    private static String sole(KeySession session) throws SigningException {
        List<String> aliases = session.aliases();
        if (aliases.size() != 1) {
            throw new SigningException(SigningError.KEY_NOT_FOUND, "? (" + String.join(", ", aliases) + ")");
        }
        return aliases.get(0);
    }

    private void checkValidity(X509Certificate certificate) throws SigningException {
        Instant now = clock.instant();
        Instant from = certificate.getNotBefore().toInstant();
        Instant until = certificate.getNotAfter().toInstant();
        if (now.isBefore(from) || now.isAfter(until)) {
            throw new SigningException(SigningError.CERTIFICATE_EXPIRED,
                    certificate.getSubjectX500Principal().getName(), JapanTime.display(from), JapanTime.display(until));
        }
    }
}
