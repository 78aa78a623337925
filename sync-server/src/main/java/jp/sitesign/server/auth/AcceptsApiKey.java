package jp.sitesign.server.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method an integration application may call with its API key. Every other method refuses keys
 * (403 API_KEY_NOT_ACCEPTED) before it runs, so a method that reads the caller without asking the policy (the
 * caller's own profile, logout, the sync protocol) can never be reached by a key. What the application may do
 * inside an accepting method is still the access policy's decision, by its scopes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsApiKey {
}
