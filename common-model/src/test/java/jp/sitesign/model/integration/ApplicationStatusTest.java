package jp.sitesign.model.integration;

import static jp.sitesign.model.integration.ApplicationStatus.APPROVED;
import static jp.sitesign.model.integration.ApplicationStatus.PENDING;
import static jp.sitesign.model.integration.ApplicationStatus.REJECTED;
import static jp.sitesign.model.integration.ApplicationStatus.REVOKED;
import static jp.sitesign.model.integration.ApplicationStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

import jp.sitesign.model.integration.ApplicationStatus.Review;
import org.junit.jupiter.api.Test;

/** The operator's review of an integration application, step by step. */
class ApplicationStatusTest {

    @Test
    void aPendingApplicationIsApprovedRejectedOrRevoked_neverSuspended() {
        assertThat(PENDING.after(Review.APPROVE)).contains(APPROVED);
        assertThat(PENDING.after(Review.REJECT)).contains(REJECTED);
        assertThat(PENDING.after(Review.REVOKE)).contains(REVOKED);
        assertThat(PENDING.after(Review.SUSPEND)).isEmpty();
    }

    @Test
    void anApprovedApplicationIsSuspendedAndApprovedAgain_orRevoked() {
        assertThat(APPROVED.after(Review.SUSPEND)).contains(SUSPENDED);
        assertThat(SUSPENDED.after(Review.APPROVE)).contains(APPROVED);
        assertThat(APPROVED.after(Review.REVOKE)).contains(REVOKED);
        assertThat(APPROVED.after(Review.REJECT)).as("a review already made").isEmpty();
    }

    @Test
    void revokedAndRejectedAreFinal() {
        for (Review step : Review.values()) {
            assertThat(REVOKED.after(step)).as(step.name()).isEmpty();
            assertThat(REJECTED.after(step)).as(step.name()).isEmpty();
        }
    }

    @Test
    void onlyAnApprovedApplicationsKeyWorks() {
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertThat(s.keyUsable()).as(s.name()).isEqualTo(s == APPROVED);
        }
    }

    @Test
    void scopesTravelByTheirWireNames() {
        assertThat(ApiScope.fromWire("contracts:read")).contains(ApiScope.CONTRACTS_READ);
        assertThat(ApiScope.fromWire("users:read")).contains(ApiScope.USERS_READ);
        assertThat(ApiScope.fromWire("CONTRACTS_READ")).isEmpty();
    }
}
