package jp.sitesign.model.policy;

/**
 * The target of actions that concern only the actor's own account (log in, edit own profile,
 * change own password) or service-wide content (notices). Obtain it with {@link Resource#none()}.
 */
public record NoTarget() implements Resource {
    static final NoTarget INSTANCE = new NoTarget();
}
