package jp.sitesign.desktop.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where PKCS#11 libraries of the tokens our users carry usually live, per operating system: the drivers of
 * the IC-card and USB tokens that Japanese certification services issue signing certificates on (SafeNet
 * eToken and Thales IDPrime middleware), OpenSC for cards it supports, and YubiKey. The settings screen
 * starts from these and lets the user add any other path; nothing here is hard-coded into signing.
 */
public final class TokenLibraries {
    /** One library: what users call it and where it is. */
    public record Library(String name, Path path) {
    }

    private TokenLibraries() {
    }

    /** The known libraries for an operating system ({@code os.name}), installed or not. */
    public static List<Library> known(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<Library> out = new ArrayList<>();
        if (os.contains("win")) {
            String sys = "C:\\Windows\\System32\\";
            out.add(new Library("SafeNet eToken (SafeNet Authentication Client)", Path.of(sys + "eTPKCS11.dll")));
            out.add(new Library("Thales IDPrime", Path.of(sys + "IDPrimePKCS11.dll")));
            out.add(new Library("OpenSC", Path.of(sys + "opensc-pkcs11.dll")));
            out.add(new Library("OpenSC", Path.of("C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll")));
            out.add(new Library("YubiKey", Path.of("C:\\Program Files\\Yubico\\Yubico PIV Tool\\bin\\libykcs11.dll")));
        } else if (os.contains("mac")) {
            out.add(new Library("SafeNet eToken (SafeNet Authentication Client)", Path.of("/usr/local/lib/libeTPkcs11.dylib")));
            out.add(new Library("Thales IDPrime", Path.of("/usr/local/lib/libidprimepkcs11.dylib")));
            out.add(new Library("OpenSC", Path.of("/Library/OpenSC/lib/opensc-pkcs11.so")));
            out.add(new Library("OpenSC (Homebrew)", Path.of("/opt/homebrew/lib/opensc-pkcs11.so")));
            out.add(new Library("YubiKey", Path.of("/usr/local/lib/libykcs11.dylib")));
        } else {
            out.add(new Library("SafeNet eToken (SafeNet Authentication Client)", Path.of("/usr/lib/libeTPkcs11.so")));
            out.add(new Library("Thales IDPrime", Path.of("/usr/lib/libIDPrimePKCS11.so")));
            out.add(new Library("OpenSC", Path.of("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so")));
            out.add(new Library("OpenSC", Path.of("/usr/lib/opensc-pkcs11.so")));
            out.add(new Library("YubiKey", Path.of("/usr/lib/x86_64-linux-gnu/libykcs11.so")));
            out.add(new Library("SoftHSM2 (開発・検証用 / for testing)", Path.of("/usr/lib/softhsm/libsofthsm2.so")));
        }
        return out;
    }

    /**
     * What to offer on this computer: the paths of the settings' list (the known ones of this system until the
     * user edits it), in its order, each once, and only those installed. The list is the whole truth: a known
     * library the user removed in the settings is not offered even when it is installed. A known path keeps
     * its known name; any other is named by its file.
     */
    public static List<Library> available(String osName, List<Path> configuredPaths) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Library> out = new ArrayList<>();
        for (Path p : configuredPaths) {
            if (Files.isRegularFile(p) && seen.add(p.toAbsolutePath().normalize())) {
                out.add(new Library(nameOf(osName, p), p));
            }
        }
        return out;
    }

    private static String nameOf(String osName, Path path) {
        return known(osName).stream().filter(l -> l.path().equals(path)).map(Library::name).findFirst()
                .orElse(path.getFileName().toString());
    }
}
