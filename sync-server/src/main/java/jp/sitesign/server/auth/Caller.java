package jp.sitesign.server.auth;

import java.security.Principal;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.policy.ApplicationGrant;
import jp.sitesign.model.user.User;

/**
 * The authenticated caller of one request: a user with a session, or an integration application with its
 * API key.
 *
 * @param user        the user; for an application, the admin who applied for it (contracts it creates name them
 *                    as creator), while the audit log names the application ({@link #getName()})
 * @param tokenHash   the session's stored hash, for logout; null for an application
 * @param clientIp    the client address ({@link jp.sitesign.server.http.ClientAddress}), for the audit log
 * @param application the application's grant when an API key was used, else null
 */
public record Caller(User user, CompanyStatus companyStatus, String tokenHash, String clientIp,
        ApplicationGrant application) implements Principal {

    public Caller(User user, CompanyStatus companyStatus, String tokenHash, String clientIp) {
        this(user, companyStatus, tokenHash, clientIp, null);
    }

    /** Who the audit log names: the user id, or the application id ({@code A…}) for an API key. */
    @Override
    public String getName() {
        return application != null ? application.applicationId() : user.id().value();
    }

    public String companyId() {
        return user.companyId().value();
    }

    public boolean isApplication() {
        return application != null;
    }
}
