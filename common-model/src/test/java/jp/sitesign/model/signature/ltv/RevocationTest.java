package jp.sitesign.model.signature.ltv;

import org.junit.jupiter.api.Test;

import java.security.cert.CRLReason;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5280 reason codes map to their reasons; a code outside the list is "unspecified", never an exception. */
class RevocationTest {

    @Test
    void theCodesAtBothEndsOfTheListMapToTheirReasons() {
        CRLReason[] reasons = CRLReason.values();

        assertThat(Revocation.reason(0)).isEqualTo(CRLReason.UNSPECIFIED);
        assertThat(Revocation.reason(1)).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(Revocation.reason(reasons.length - 1)).isEqualTo(reasons[reasons.length - 1])
                .isEqualTo(CRLReason.AA_COMPROMISE);
    }

    @Test
    void codesOutsideTheListAreUnspecified() {
        assertThat(Revocation.reason(-1)).isEqualTo(CRLReason.UNSPECIFIED);
        assertThat(Revocation.reason(CRLReason.values().length)).isEqualTo(CRLReason.UNSPECIFIED);
        assertThat(Revocation.reason(99)).isEqualTo(CRLReason.UNSPECIFIED);
    }
}
