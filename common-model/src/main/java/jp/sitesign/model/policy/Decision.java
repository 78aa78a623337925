package jp.sitesign.model.policy;

import java.util.Objects;

/**
 * The policy's answer, carrying its reason so that the server can reject with it and the desktop
 * app can show it beside a disabled control without asking again.
 *
 * @param allowed  whether the action may go ahead
 * @param code     {@link #ALLOWED_CODE} when allowed, otherwise a {@link Denial} code
 * @param reasonJa what a user reads (empty when allowed)
 * @param reasonEn the same in English (empty when allowed)
 */
public record Decision(boolean allowed, String code, String reasonJa, String reasonEn) {

    /** The code of every positive decision. */
    public static final String ALLOWED_CODE = "ALLOWED";

    private static final Decision ALLOW = new Decision(true, ALLOWED_CODE, "", "");

    public Decision {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reasonJa, "reasonJa");
        Objects.requireNonNull(reasonEn, "reasonEn");
        if (allowed != ALLOWED_CODE.equals(code)) {
            throw new IllegalArgumentException("code " + code + " does not match allowed=" + allowed);
        }
    }

    public static Decision allow() {
        return ALLOW;
    }

    public static Decision deny(Denial denial) {
        return new Decision(false, denial.code(), denial.reasonJa(), denial.reasonEn());
    }

    public boolean denied() {
        return !allowed;
    }
}
