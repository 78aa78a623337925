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
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.glassfish.grizzly.http.server.Request;

/**
 * Every request needs a valid session unless its method is {@link Public}; a user still on a one-time
 * password may only call methods marked {@link AllowedBeforePasswordChange}. The caller is made
 * available to resources as the request's {@link SecurityContext} principal.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {
    public static final String CLIENT_IP = "sitesign.clientIp";
    private static final String BEARER = "Bearer ";

    private final AuthService auth;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private Provider<Request> grizzlyRequest;

    public AuthFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String ip = clientIp();
        request.setProperty(CLIENT_IP, ip);
        Method method = resourceInfo.getResourceMethod();
        if (method == null || method.isAnnotationPresent(Public.class)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            throw new SiteSignException(ErrorCode.UNAUTHENTICATED);
        }
        Caller caller = auth.authenticate(header.substring(BEARER.length()).strip(), ip);
        if (caller.user().mustChangePassword() && !method.isAnnotationPresent(AllowedBeforePasswordChange.class)) {
            throw new SiteSignException(ErrorCode.PASSWORD_CHANGE_REQUIRED);
        }
        request.setSecurityContext(new CallerContext(caller));
    }

    private String clientIp() {
        Request r = grizzlyRequest == null ? null : grizzlyRequest.get();
        return r == null ? null : r.getRemoteAddr();
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
