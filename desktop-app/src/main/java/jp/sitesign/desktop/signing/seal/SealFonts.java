package jp.sitesign.desktop.signing.seal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Japanese font a seal's text is drawn and embedded with. Only TrueType {@code .ttf} files are taken:
 * PDFBox embeds them as a subset. Windows' own Japanese fonts (MS Gothic, Meiryo, Yu Gothic) and macOS's
 * Hiragino ship only as {@code .ttc} collections, which the signing engine cannot load, so they are not
 * used; on those systems the seal needs IPA Gothic or IPAex Gothic installed (free, from the IPA), in the
 * system's or the user's font folder. Without any, the dialog signs without a visible seal and says why.
 */
public final class SealFonts {
    private static final List<String> FILES = List.of("ipag.ttf", "ipaexg.ttf", "ipagp.ttf");

    private SealFonts() {
    }

    /** The folders looked in, in order, for an operating system ({@code os.name}) and home directory. */
    public static List<Path> folders(String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<Path> out = new ArrayList<>();
        if (os.contains("win")) {
            out.add(Path.of("C:\\Windows\\Fonts"));
            out.add(home.resolve("AppData").resolve("Local").resolve("Microsoft").resolve("Windows").resolve("Fonts"));
        } else if (os.contains("mac")) {
            out.add(home.resolve("Library").resolve("Fonts"));
            out.add(Path.of("/Library/Fonts"));
        } else {
            out.add(Path.of("/usr/share/fonts/opentype/ipafont-gothic"));
            out.add(Path.of("/usr/share/fonts/truetype/ipafont-gothic"));
            out.add(Path.of("/usr/share/fonts/opentype/ipaexfont-gothic"));
            out.add(Path.of("/usr/share/fonts/truetype/ipaexfont-gothic"));
            out.add(Path.of("/usr/share/fonts/ipa-gothic"));
            out.add(home.resolve(".local").resolve("share").resolve("fonts"));
            out.add(home.resolve(".fonts"));
        }
        return out;
    }

    /** The first readable IPA Gothic / IPAex Gothic {@code .ttf} in {@code folders}. */
    public static Optional<Path> find(List<Path> folders) {
        for (Path folder : folders) {
            for (String name : FILES) {
                Path candidate = folder.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The font on this computer, if there is one. */
    public static Optional<Path> onThisComputer() {
        return find(folders(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", "."))));
    }
}
