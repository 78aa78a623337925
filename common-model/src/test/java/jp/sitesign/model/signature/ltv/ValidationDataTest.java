package jp.sitesign.model.signature.ltv;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation data keeps each item once, in the order first added, and is empty only when it holds nothing. */
class ValidationDataTest {
    private static final byte[] A = {1, 2, 3};
    private static final byte[] B = {4, 5, 6};

    @Test
    void addingChainsAndMergingKeepEachItemOnce() {
        ValidationData data = new ValidationData().addCertificate(A).addCertificate(A).addCertificate(B);
        ValidationData other = new ValidationData().addCertificate(B).addOcspResponse(A).addCrl(B);

        ValidationData merged = data.addAll(other).addAll(other);

        assertThat(merged).isSameAs(data);
        assertThat(merged.certificates()).containsExactly(A, B);
        assertThat(merged.ocspResponses()).containsExactly(A);
        assertThat(merged.crls()).containsExactly(B);
    }

    @Test
    void isEmptyOnlyWithoutAnyItem() {
        assertThat(new ValidationData().isEmpty()).isTrue();
        assertThat(new ValidationData().addCertificate(A).isEmpty()).isFalse();
        assertThat(new ValidationData().addOcspResponse(A).isEmpty()).isFalse();
        assertThat(new ValidationData().addCrl(A).isEmpty()).isFalse();
    }

    @Test
    void itemsAreCopiesTheCallerCannotChange() {
        byte[] der = {7, 8, 9};
        ValidationData data = new ValidationData().addCertificate(der);
        der[0] = 0;
        data.certificates().get(0)[1] = 0;

        assertThat(data.certificates()).containsExactly(new byte[] {7, 8, 9});
    }
}
