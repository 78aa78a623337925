package jp.sitesign.server.auth;

import java.security.Principal;
import jp.sitesign.model.company.CompanyStatus;
import jp.sitesign.model.user.User;

/**
 * The authenticated user of one request, as the session lookup found them.
 *
 * @param tokenHash the session's stored hash, for logout
 * @param clientIp  the remote address, for the audit log
 */
public record Caller(User user, CompanyStatus companyStatus, String tokenHash, String clientIp) implements Principal {
    @Override
    public String getName() {
        return user.id().value();
    }

    public String companyId() {
        return user.companyId().value();
    }
}
