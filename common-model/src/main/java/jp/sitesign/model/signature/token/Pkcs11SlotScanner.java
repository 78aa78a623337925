package jp.sitesign.model.signature.token;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads slot list and token labels of a PKCS#11 library through the JDK's internal wrapper
 * {@code sun.security.pkcs11.wrapper} — the only way to see labels in Java 17, where SunPKCS11 has no
 * public API for them. The package is not exported: the JVM must run with
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} (or the
 * {@code Add-Exports} manifest attribute of an executable jar). Without it {@link #scan} returns
 * empty and {@link Pkcs11Module} falls back to probing slot indexes without labels.
 *
 * <p>Reflection keeps this the only class that depends on the internals and lets the code compile
 * with {@code --release 17}. The wrapper caches one initialized module per library path, shared with
 * SunPKCS11, so scanning does not initialize the library twice.
 */
final class Pkcs11SlotScanner {
    private static final long CKF_OS_LOCKING_OK = 0x2L;
    private static final long CKF_TOKEN_INITIALIZED = 0x400L;

    private Pkcs11SlotScanner() {
    }

    /** The slots in {@code slotListIndex} order, or empty if the JDK internals are not accessible. */
    static Optional<List<Pkcs11Slot>> scan(String library) throws InvocationTargetException {
        try {
            Class<?> wrapper = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
            Class<?> initArgsType = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
            Object initArgs = initArgsType.getConstructor().newInstance();
            initArgsType.getField("flags").setLong(initArgs, CKF_OS_LOCKING_OK);
            Object module = wrapper.getMethod("getInstance", String.class, String.class, initArgsType, boolean.class)
                    .invoke(null, library, "C_GetFunctionList", initArgs, false);
            long[] slotIds = (long[]) wrapper.getMethod("C_GetSlotList", boolean.class).invoke(module, false);
            Method tokenInfo = wrapper.getMethod("C_GetTokenInfo", long.class);
            List<Pkcs11Slot> slots = new ArrayList<>();
            for (int i = 0; i < slotIds.length; i++) {
                slots.add(readSlot(i, tokenInfo, module, slotIds[i]));
            }
            return Optional.of(slots);
        } catch (ClassNotFoundException | NoSuchMethodException | NoSuchFieldException | IllegalAccessException
                 | InstantiationException | RuntimeException e) {
            // RuntimeException covers IllegalAccessError-like module denials surfacing as InaccessibleObjectException.
            return Optional.empty();
        }
    }

    private static Pkcs11Slot readSlot(int index, Method tokenInfo, Object module, long slotId)
            throws IllegalAccessException, NoSuchFieldException {
        Object info;
        try {
            info = tokenInfo.invoke(module, slotId);
        } catch (InvocationTargetException noToken) {
            return new Pkcs11Slot(index, Optional.empty(), false);
        }
        String label = new String((char[]) info.getClass().getField("label").get(info)).trim();
        long flags = info.getClass().getField("flags").getLong(info);
        boolean initialized = (flags & CKF_TOKEN_INITIALIZED) != 0;
        return new Pkcs11Slot(index, initialized ? Optional.of(label) : Optional.empty(), initialized);
    }
}
