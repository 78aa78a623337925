package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;

/** Keys in a PKCS#12 file; the file's password is asked as the PIN and used for the key entries too. */
public final class Pkcs12KeySource implements SigningKeySource {
    private final Path file;

    public Pkcs12KeySource(Path file) {
        this.file = file;
    }

    @Override
    public String description() {
        return file.getFileName().toString();
    }

    @Override
    public KeySession open(PinCallback pin) throws SigningException {
        char[] password = pin.askPin(description());
        if (password == null) {
            throw new SigningException(SigningError.PIN_CANCELLED);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return new KeyStoreSession(store, null, password, () -> { });
        } catch (NoSuchFileException e) {
            Arrays.fill(password, '\0');
            throw new SigningException(SigningError.TOKEN_NOT_FOUND, e, file.toString());
        } catch (IOException | GeneralSecurityException e) {
            Arrays.fill(password, '\0');
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new SigningException(SigningError.WRONG_PIN, e);
            }
            throw new SigningException(SigningError.TOKEN_UNAVAILABLE, e, description(), e.getMessage());
        }
    }
}
