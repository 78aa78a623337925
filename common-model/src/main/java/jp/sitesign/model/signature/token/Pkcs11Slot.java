package jp.sitesign.model.signature.token;

import java.util.Optional;

/**
 * One slot of a PKCS#11 library, in the order SunPKCS11's {@code slotListIndex} counts them.
 *
 * @param index   the slot's position in the library's slot list
 * @param label   the token's label; empty when no token is present or the label cannot be read
 * @param usable  whether an initialized token sits in the slot (assumed when it cannot be read)
 */
public record Pkcs11Slot(int index, Optional<String> label, boolean usable) {

    /** The label, or a description of the slot when the label is unknown. */
    public String displayName() {
        return label.orElse("slot " + index);
    }
}
