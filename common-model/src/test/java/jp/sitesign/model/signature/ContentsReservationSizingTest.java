package jp.sitesign.model.signature;

import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.testing.TestCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /Contents} sizes {@link ContentsReservation} asks for, worked out here from its rule: 2048 bytes of
 * CMS framing, the public key's encoding + 16 for the signature value, every certificate of the chain, the
 * timestamp room when the level has a timestamp, rounded up to whole KiB.
 */
class ContentsReservationSizingTest {
    private static final int TIMESTAMP_ROOM = 5000;
    static TestCa ca;
    static List<X509Certificate> chain;

    @BeforeAll
    static void issue() {
        ca = TestCa.create("SiteSign Reservation CA");
        chain = List.of(ca.issueSigner(TestCa.rsaKeyPair(2048).getPublic(), "Alice"), ca.root());
    }

    @Test
    void initialCountsFramingSignatureValueAndEveryCertificateRoundedUpToKib() throws Exception {
        int raw = 2048 + chain.get(0).getPublicKey().getEncoded().length + 16
                + chain.get(0).getEncoded().length + chain.get(1).getEncoded().length;

        int reserved = new ContentsReservation(TIMESTAMP_ROOM).initial(chain, SignatureLevel.B_B);

        assertThat(reserved).isEqualTo(kib(raw));
    }

    @Test
    void levelsWithATimestampAddTheTimestampRoom() throws Exception {
        int raw = 2048 + chain.get(0).getPublicKey().getEncoded().length + 16
                + chain.get(0).getEncoded().length + chain.get(1).getEncoded().length;
        ContentsReservation reservation = new ContentsReservation(TIMESTAMP_ROOM);

        assertThat(reservation.initial(chain, SignatureLevel.B_T)).isEqualTo(kib(raw + TIMESTAMP_ROOM));
        assertThat(reservation.initial(chain, SignatureLevel.B_LTA)).isEqualTo(kib(raw + TIMESTAMP_ROOM));
    }

    @Test
    void aLongerChainReservesMore() throws Exception {
        ContentsReservation reservation = new ContentsReservation(0);

        assertThat(reservation.initial(chain, SignatureLevel.B_B))
                .isGreaterThanOrEqualTo(reservation.initial(chain.subList(0, 1), SignatureLevel.B_B)
                        + chain.get(1).getEncoded().length - 1023);
    }

    @Test
    void afterAddsOneKibToWhatDidNotFitAndRoundsUp() {
        ContentsReservation reservation = new ContentsReservation(TIMESTAMP_ROOM);

        assertThat(reservation.after(1024)).as("exact KiB stays").isEqualTo(2048);
        assertThat(reservation.after(1)).isEqualTo(2048);
        assertThat(reservation.after(3000)).isEqualTo(4096);
        assertThat(reservation.after(3073)).isEqualTo(5120);
    }

    private static int kib(int bytes) {
        int whole = bytes / 1024 * 1024;
        return whole == bytes ? bytes : whole + 1024;
    }
}
