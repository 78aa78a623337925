package jp.sitesign.model.signature.cms;

import jp.sitesign.model.signature.core.SigningAlgorithm;
import jp.sitesign.model.signature.token.SigningKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;

/**
 * A Bouncy Castle {@link ContentSigner} that performs the key operation with
 * {@link java.security.Signature} from the key's own provider, so a token key never leaves the token
 * and is never cast to a key class. The signed attributes are small, so they are buffered.
 */
final class ProviderContentSigner implements ContentSigner {
    private final SigningKey key;
    private final SigningAlgorithm algorithm;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    ProviderContentSigner(SigningKey key, SigningAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm.identifier();
    }

    @Override
    public OutputStream getOutputStream() {
        return buffer;
    }

    @Override
    public byte[] getSignature() {
        try {
            Signature signature = key.provider() == null
                    ? Signature.getInstance(algorithm.jcaName())
                    : Signature.getInstance(algorithm.jcaName(), key.provider());
            if (algorithm.parameters() != null) {
                signature.setParameter(algorithm.parameters());
            }
            signature.initSign(key.privateKey());
            signature.update(buffer.toByteArray());
            return signature.sign();
        } catch (GeneralSecurityException e) {
            // ContentSigner cannot throw checked exceptions; CadesSignatureBuilder unwraps this.
            throw new RuntimeOperatorException(e.getMessage(), e);
        }
    }
}
