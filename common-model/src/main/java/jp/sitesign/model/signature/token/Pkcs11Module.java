package jp.sitesign.model.signature.token;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PKCS#11 library (the token vendor's {@code .so}/{@code .dll}/{@code .dylib}) and its slots.
 * There is one instance per library path in the JVM, and it configures one SunPKCS11 provider per
 * slot it is asked for and keeps it: a SunPKCS11 provider serves exactly one slot, and the library
 * itself is loaded and initialized once.
 */
public final class Pkcs11Module {
    private static final Map<Path, Pkcs11Module> MODULES = new ConcurrentHashMap<>();
    /** Enough for any real reader; probing stops at the first index SunPKCS11 refuses. */
    private static final int MAX_PROBED_SLOTS = 16;

    private final Path library;
    private final Map<Integer, Provider> providers = new ConcurrentHashMap<>();

    private Pkcs11Module(Path library) {
        this.library = library;
    }

    /** The module for a library file; the same instance for the same path. */
    public static Pkcs11Module forLibrary(Path library) throws SigningException {
        Path normalized = library.toAbsolutePath().normalize();
        if (!Files.isRegularFile(normalized)) {
            throw new SigningException(SigningError.TOKEN_UNAVAILABLE, normalized.toString(),
                    "the PKCS#11 library file does not exist");
        }
        return MODULES.computeIfAbsent(normalized, Pkcs11Module::new);
    }

    public Path library() {
        return library;
    }

    /**
     * The library's slots with their token labels. Labels need the JDK internals described in
     * {@link Pkcs11SlotScanner}; without them the slots are found by probing and have no label.
     */
    public List<Pkcs11Slot> slots() throws SigningException {
        try {
            Optional<List<Pkcs11Slot>> scanned = Pkcs11SlotScanner.scan(libraryPathForConfig());
            if (scanned.isPresent()) {
                return scanned.get();
            }
        } catch (InvocationTargetException e) {
            throw Pkcs11Errors.translate(e.getCause(), library.toString());
        }
        List<Pkcs11Slot> probed = new ArrayList<>();
        for (int index = 0; index < MAX_PROBED_SLOTS; index++) {
            try {
                provider(index);
                probed.add(new Pkcs11Slot(index, Optional.empty(), true));
            } catch (SigningException e) {
                break;
            }
        }
        return probed;
    }

    /** The key source for the slot at {@code slotListIndex}. */
    public Pkcs11KeySource slot(int slotListIndex) {
        return new Pkcs11KeySource(this, slotListIndex, "slot " + slotListIndex);
    }

    /**
     * The key source for the token with this label.
     *
     * @throws SigningException TOKEN_NOT_FOUND if no slot holds a token with that label
     */
    public Pkcs11KeySource token(String label) throws SigningException {
        return slots().stream()
                .filter(slot -> slot.label().filter(label::equals).isPresent())
                .findFirst()
                .map(slot -> new Pkcs11KeySource(this, slot.index(), label))
                .orElseThrow(() -> new SigningException(SigningError.TOKEN_NOT_FOUND, label));
    }

    /** The SunPKCS11 provider of a slot, configured on first use and reused afterwards. */
    Provider provider(int slotListIndex) throws SigningException {
        try {
            return providers.computeIfAbsent(slotListIndex, this::configure);
        } catch (ProviderException | IllegalStateException e) {
            throw Pkcs11Errors.translate(e, "slot " + slotListIndex);
        }
    }

    private Provider configure(int slotListIndex) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("this Java runtime has no SunPKCS11 (module jdk.crypto.cryptoki)");
        }
        String name = "SiteSign-" + Integer.toHexString(library.hashCode()) + "-" + slotListIndex;
        // Quoted, with forward slashes: the config tokenizer treats backslashes in quotes as escapes.
        String config = "--name=" + name + "\nlibrary=\"" + libraryPathForConfig() + "\"\nslotListIndex=" + slotListIndex;
        return base.configure(config);
    }

    private String libraryPathForConfig() {
        return library.toString().replace('\\', '/');
    }
}
