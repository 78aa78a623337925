package jp.sitesign.desktop.admin;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import jp.sitesign.model.integration.ApiScope;
import jp.sitesign.model.integration.ApplicationStatus;
import jp.sitesign.model.integration.WebhookEvent;

/**
 * The server's 連携アプリケーション resources (ADR 17) as typed calls for the admin screen: the company's
 * applications for API use, a new one, the key (once; again = rotated) and the webhook delivery log. Online only,
 * through the same session as {@link AdminClient}.
 */
public final class IntegrationClient {
    private static final String BASE = "/api/v1/integration/applications";

    private final AdminClient client;

    public IntegrationClient(AdminClient client) {
        this.client = client;
    }

    /** An application as its company's admins see it; the key is never part of it, only when one was issued. */
    public record ApiApplication(String id, String companyId, String appliedBy, Instant appliedAt, String name,
            String purpose, String contact, Set<ApiScope> scopes, List<String> allowedAddresses,
            ApplicationStatus status, String statusReason, Instant reviewedAt, Instant keyIssuedAt) {
    }

    /** What an admin applies with; {@code allowedAddresses} are CIDR blocks. */
    public record ApiApplicationForm(String name, String purpose, List<String> scopes, List<String> allowedAddresses,
            String contact) {
    }

    /** One webhook delivery: PENDING (waiting or retrying), DELIVERED or FAILED (gave up after 24 hours). */
    public record Delivery(long id, String applicationId, WebhookEvent event, String contractId, String payload,
            Instant createdAt, String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode,
            String lastError, Instant deliveredAt) {
    }

    public List<ApiApplication> applications() {
        return client.items(client.call("GET", BASE, null), ApiApplication.class);
    }

    public ApiApplication apply(ApiApplicationForm form) {
        return client.read(client.call("POST", BASE, form), ApiApplication.class);
    }

    /** A new key, shown once: the server keeps only its hash, and the previous key stops working. */
    public String issueKey(String applicationId) {
        return client.call("POST", BASE + "/" + AdminClient.path(applicationId) + "/key", null).get("key").asText();
    }

    public List<Delivery> deliveries(String applicationId) {
        return client.items(client.call("GET", BASE + "/" + AdminClient.path(applicationId)
                + "/webhook/deliveries", null), Delivery.class);
    }

    /** The logged-in user, for the policy's decisions on the screen. */
    jp.sitesign.model.user.UserView me() {
        return client.me();
    }
}
