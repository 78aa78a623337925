package jp.sitesign.server.integration;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.sitesign.model.integration.ApiScope;
import jp.sitesign.model.integration.ApplicationStatus;

/**
 * 連携アプリケーション: a company's application for the integration API, as its admins and the operator see it.
 * The key is never part of it (only whether and when one was issued).
 *
 * @param allowedAddresses the client addresses its key may call from, as canonical CIDR blocks
 * @param statusReason     the operator's reason for a rejection, suspension or revocation, or null
 */
public record IntegrationApplication(
        String id,
        String companyId,
        String appliedBy,
        Instant appliedAt,
        String name,
        String purpose,
        String contact,
        Set<ApiScope> scopes,
        List<String> allowedAddresses,
        ApplicationStatus status,
        String statusReason,
        Instant reviewedAt,
        Instant keyIssuedAt) {

    /** What the company wrote, sealed under its key in the database. */
    public record Content(String name, String purpose, String contact) {
    }
}
