package jp.sitesign.model.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class KeyWrapTest {
    private final SecretKey masterKey = Aead.newKey();
    private final SecretKey companyKey = Aead.newKey();

    @Test
    void unwrapsTheSameKeyForTheSameOwner() {
        byte[] wrapped = KeyWrap.wrap(masterKey, companyKey, "C00000001");
        SecretKey unwrapped = KeyWrap.unwrap(masterKey, wrapped, "C00000001");
        assertThat(unwrapped.getEncoded()).isEqualTo(companyKey.getEncoded());
        assertThat(unwrapped.getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void anUnwrappedKeyDecryptsWhatTheOriginalEncrypted() {
        byte[] sealed = Aead.encrypt(companyKey, "請負代金".getBytes(UTF_8), "ad".getBytes(UTF_8));
        SecretKey unwrapped = KeyWrap.unwrap(masterKey, KeyWrap.wrap(masterKey, companyKey, "C00000001"), "C00000001");
        assertThat(new String(Aead.decrypt(unwrapped, sealed, "ad".getBytes(UTF_8)), UTF_8)).isEqualTo("請負代金");
    }

    @Test
    void aKeyWrappedForOneCompanyDoesNotUnwrapForAnother() {
        byte[] wrapped = KeyWrap.wrap(masterKey, companyKey, "C00000001");
        assertThatThrownBy(() -> KeyWrap.unwrap(masterKey, wrapped, "C00000002"))
                .isInstanceOf(TamperedDataException.class);
        assertThatThrownBy(() -> KeyWrap.unwrap(masterKey, wrapped, "C000000010"))
                .isInstanceOf(TamperedDataException.class);
        assertThatThrownBy(() -> KeyWrap.unwrap(masterKey, wrapped, ""))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void unwrapNeedsTheSameMasterKey() {
        byte[] wrapped = KeyWrap.wrap(masterKey, companyKey, "C00000001");
        assertThatThrownBy(() -> KeyWrap.unwrap(Aead.newKey(), wrapped, "C00000001"))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void aWrappedKeyIsNotAPlainAeadCiphertextForTheOwnerAlone() {
        // The wrap context separates wrapped keys from data encrypted with the owner id as associated data.
        byte[] wrapped = KeyWrap.wrap(masterKey, companyKey, "C00000001");
        assertThatThrownBy(() -> Aead.decrypt(masterKey, wrapped, "C00000001".getBytes(UTF_8)))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void aTamperedOrTruncatedWrappedKeyIsDetected() {
        byte[] wrapped = KeyWrap.wrap(masterKey, companyKey, "C00000001");
        for (int i = 0; i < wrapped.length; i++) {
            byte[] tampered = wrapped.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> KeyWrap.unwrap(masterKey, tampered, "C00000001"))
                    .isInstanceOf(TamperedDataException.class);
        }
        byte[] truncated = Arrays.copyOf(wrapped, wrapped.length - 1);
        assertThatThrownBy(() -> KeyWrap.unwrap(masterKey, truncated, "C00000001"))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void wrappingTwiceGivesDifferentBytesWithoutTheRawKeyInThem() {
        byte[] a = KeyWrap.wrap(masterKey, companyKey, "C00000001");
        byte[] b = KeyWrap.wrap(masterKey, companyKey, "C00000001");
        assertThat(a).isNotEqualTo(b);
        assertThat(indexOf(a, companyKey.getEncoded())).isEqualTo(-1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
