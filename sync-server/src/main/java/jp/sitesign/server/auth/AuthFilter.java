package jp.sitesign.server.auth;

import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.server.http.ClientAddress;
import org.glassfish.grizzly.http.server.Request;

/**
 * Every request needs a valid session unless its method is {@link Public}; a user still on a one-time
 * password may only call methods marked {@link AllowedBeforePasswordChange}. The caller is made
 * available to resources as the request's {@link SecurityContext} principal. An integration API key
 * ({@code ssk_…}) is accepted only by methods marked {@link AcceptsApiKey}. The client address is resolved
 * once here ({@link ClientAddress}: trusted proxies' X-Forwarded-For) for everything downstream.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final AuthService auth;
    private final ApiKeyAuthenticator apiKeys;
    private final ClientAddress addresses;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private Provider<Request> grizzlyRequest;

    public AuthFilter(AuthService auth, ApiKeyAuthenticator apiKeys, ClientAddress addresses) {
        this.auth = auth;
        this.apiKeys = apiKeys;
        this.addresses = addresses;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String ip = clientIp(request);
        request.setProperty(ClientAddress.REQUEST_PROPERTY, ip);
        Method method = resourceInfo.getResourceMethod();
        if (method == null || method.isAnnotationPresent(Public.class)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            throw new SiteSignException(ErrorCode.UNAUTHENTICATED);
        }
        String credential = header.substring(BEARER.length()).strip();
        if (apiKeys.isApiKey(credential)) {
            Caller application = apiKeys.authenticate(credential, ip);
            if (!method.isAnnotationPresent(AcceptsApiKey.class)) {
                throw new SiteSignException(ErrorCode.API_KEY_NOT_ACCEPTED);
            }
            request.setSecurityContext(new CallerContext(application));
            return;
        }
        Caller caller = auth.authenticate(credential, ip);
        if (caller.user().mustChangePassword() && !method.isAnnotationPresent(AllowedBeforePasswordChange.class)) {
            throw new SiteSignException(ErrorCode.PASSWORD_CHANGE_REQUIRED);
        }
        request.setSecurityContext(new CallerContext(caller));
    }

    /** The socket's peer, or the client a trusted proxy names in X-Forwarded-For (every such header, in order). */
    private String clientIp(ContainerRequestContext request) {
        Request r = grizzlyRequest == null ? null : grizzlyRequest.get();
        if (r == null) {
            return null;
        }
        List<String> forwarded = request.getHeaders().get(FORWARDED_FOR);
        return addresses.resolve(r.getRemoteAddr(), forwarded == null ? null : String.join(",", forwarded));
    }

    /** The caller of the current request; resources take it from {@code @Context SecurityContext}. */
    public static Caller caller(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw new SiteSignException(ErrorCode.UNAUTHENTICATED);
    }

    private record CallerContext(Caller caller) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.user().role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
