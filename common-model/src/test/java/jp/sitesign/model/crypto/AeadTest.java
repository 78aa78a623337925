package jp.sitesign.model.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AeadTest {
    private static final int HEADER = 1 + 12;
    private static final int TAG = 16;
    private static final byte[] PLAINTEXT = "工事請負契約書 ¥12,345,000".getBytes(UTF_8);
    private static final byte[] AD = "contracts|title|C00000001|42".getBytes(UTF_8);

    private final SecretKey key = Aead.newKey();

    @Test
    void decryptsWhatItEncrypted() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AD);
        assertThat(Aead.decrypt(key, sealed, AD)).isEqualTo(PLAINTEXT);
    }

    @Test
    void roundTripsEmptyPlaintextAndEmptyAssociatedData() {
        byte[] sealed = Aead.encrypt(key, new byte[0], new byte[0]);
        assertThat(sealed).hasSize(HEADER + TAG);
        assertThat(Aead.decrypt(key, sealed, new byte[0])).isEmpty();
    }

    @Test
    void layoutIsVersionNonceCiphertextTag() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AD);
        assertThat(sealed).hasSize(HEADER + PLAINTEXT.length + TAG);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(sealed, HEADER, HEADER + PLAINTEXT.length)).isNotEqualTo(PLAINTEXT);
    }

    @Test
    void twoEncryptionsOfTheSamePlaintextDifferInNonceAndCiphertext() {
        byte[] a = Aead.encrypt(key, PLAINTEXT, AD);
        byte[] b = Aead.encrypt(key, PLAINTEXT, AD);
        assertThat(a).isNotEqualTo(b);
        assertThat(Arrays.copyOfRange(a, 1, HEADER)).isNotEqualTo(Arrays.copyOfRange(b, 1, HEADER));
        assertThat(Arrays.copyOfRange(a, HEADER, a.length)).isNotEqualTo(Arrays.copyOfRange(b, HEADER, b.length));
    }

    @Test
    void aFlippedBitAnywhereIsDetected() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AD);
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit += 7) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) (1 << bit);
                int at = i;
                assertThatThrownBy(() -> Aead.decrypt(key, tampered, AD))
                        .as("byte %d (%s)", at, region(at, sealed.length))
                        .isInstanceOf(TamperedDataException.class);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonce", "ciphertext", "tag"})
    void aFlippedBitInEachRegionIsDetected(String region) {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AD);
        int index = switch (region) {
            case "nonce" -> 1;
            case "ciphertext" -> HEADER + 3;
            default -> sealed.length - 1;
        };
        sealed[index] ^= 0x01;
        assertThatThrownBy(() -> Aead.decrypt(key, sealed, AD)).isInstanceOf(TamperedDataException.class);
    }

    @Test
    void otherAssociatedDataIsDetected() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AD);
        // the same ciphertext copied to another row
        byte[] otherRow = "contracts|title|C00000001|43".getBytes(UTF_8);
        assertThatThrownBy(() -> Aead.decrypt(key, sealed, otherRow)).isInstanceOf(TamperedDataException.class);
        assertThatThrownBy(() -> Aead.decrypt(key, sealed, new byte[0])).isInstanceOf(TamperedDataException.class);
    }

    @Test
    void anotherKeyIsDetected() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AD);
        assertThatThrownBy(() -> Aead.decrypt(Aead.newKey(), sealed, AD)).isInstanceOf(TamperedDataException.class);
    }

    @Test
    void truncatedInputIsDetected() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AD);
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            int at = length;
            assertThatThrownBy(() -> Aead.decrypt(key, truncated, AD))
                    .as("truncated to %d bytes", at)
                    .isInstanceOf(TamperedDataException.class);
        }
        byte[] withoutHead = Arrays.copyOfRange(sealed, 1, sealed.length);
        assertThatThrownBy(() -> Aead.decrypt(key, withoutHead, AD)).isInstanceOf(TamperedDataException.class);
    }

    @Test
    void missingOrAppendedDataIsDetected() {
        byte[] sealed = Aead.encrypt(key, PLAINTEXT, AD);
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> Aead.decrypt(key, longer, AD)).isInstanceOf(TamperedDataException.class);
        assertThatThrownBy(() -> Aead.decrypt(key, null, AD)).isInstanceOf(TamperedDataException.class);
    }

    @Test
    void keysMustBe256Bits() {
        assertThat(Aead.newKey().getEncoded()).hasSize(32);
        assertThat(Aead.newKey().getAlgorithm()).isEqualTo("AES");
        assertThat(Aead.newKey().getEncoded()).isNotEqualTo(Aead.newKey().getEncoded());
        assertThatThrownBy(() -> Aead.key(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aead.key(new byte[24])).isInstanceOf(IllegalArgumentException.class);
        byte[] raw = new byte[32];
        raw[5] = 9;
        SecretKey rebuilt = Aead.key(raw);
        byte[] sealed = Aead.encrypt(rebuilt, PLAINTEXT, AD);
        assertThat(Aead.decrypt(Aead.key(raw.clone()), sealed, AD)).isEqualTo(PLAINTEXT);
    }

    private static String region(int index, int length) {
        if (index == 0) {
            return "version";
        }
        if (index < HEADER) {
            return "nonce";
        }
        return index < length - TAG ? "ciphertext" : "tag";
    }
}
