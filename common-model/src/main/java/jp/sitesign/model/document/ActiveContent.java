package jp.sitesign.model.document;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The policy on active content in contract documents: a document that runs JavaScript, launches programs or
 * files, or carries an embedded program is refused. A contract must show the same thing to everyone and do
 * nothing; such content can change what is shown after signing or attack whoever opens it. Every object
 * reachable from the catalog is looked at (actions hide in open actions, links, bookmarks, form fields and
 * pages' additional actions alike); an embedded file is a program when its name or its first bytes say so.
 */
final class ActiveContent {
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName JAVA_SCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final List<COSName> FILE_NAMES = List.of(COSName.UF, COSName.F, COSName.getPDFName("DOS"),
            COSName.getPDFName("Mac"), COSName.getPDFName("Unix"));
    private static final Set<String> PROGRAM_EXTENSIONS = Set.of("exe", "com", "bat", "cmd", "scr", "pif", "msi",
            "msp", "dll", "cpl", "jar", "js", "jse", "vbs", "vbe", "wsf", "wsh", "ps1", "hta", "lnk", "reg", "sh",
            "app");
    /** Windows (MZ), ELF, Mach-O (both byte orders, 32 and 64 bit) and fat Mach-O or Java class files. */
    private static final List<byte[]> PROGRAM_MAGIC = List.of(new byte[] {'M', 'Z'},
            new byte[] {0x7F, 'E', 'L', 'F'}, bytes(0xFE, 0xED, 0xFA, 0xCE), bytes(0xFE, 0xED, 0xFA, 0xCF),
            bytes(0xCE, 0xFA, 0xED, 0xFE), bytes(0xCF, 0xFA, 0xED, 0xFE), bytes(0xCA, 0xFE, 0xBA, 0xBE));
    private static final int LIMIT_CHECK_INTERVAL = 1000;

    private final SafePdf reading;
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private ActiveContent(SafePdf reading) {
        this.reading = reading;
    }

    /** Throws {@link ErrorCode#INVALID_DOCUMENT} naming what was found, if anything. */
    static void refuseIn(PDDocument document, SafePdf reading) throws java.io.IOException {
        new ActiveContent(reading).walk(document.getDocumentCatalog().getCOSObject());
    }

    private void walk(COSBase root) throws java.io.IOException {
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            COSBase next = pending.pop();
            COSBase value = next instanceof COSObject reference ? reference.getObject() : next;
            if (value == null || !seen.add(value)) {
                continue;
            }
            if (seen.size() % LIMIT_CHECK_INTERVAL == 0) {
                reading.checkLimits();
            }
            if (value instanceof COSDictionary dictionary) {
                judge(dictionary);
                dictionary.getValues().forEach(pending::push);
            } else if (value instanceof COSArray array) {
                array.forEach(pending::push);
            }
        }
    }

    private void judge(COSDictionary dictionary) throws java.io.IOException {
        COSName action = dictionary.getCOSName(COSName.S);
        if (JAVA_SCRIPT.equals(action) || dictionary.containsKey(JS) && action != null) {
            throw DocumentMessage.JAVASCRIPT.exception();
        }
        if (LAUNCH.equals(action)) {
            throw DocumentMessage.LAUNCH_ACTION.exception();
        }
        if (dictionary.getDictionaryObject(COSName.EF) instanceof COSDictionary embedded) {
            judgeEmbeddedFile(dictionary, embedded);
        }
    }

    private void judgeEmbeddedFile(COSDictionary specification, COSDictionary embedded) throws java.io.IOException {
        String name = null;
        for (COSName key : FILE_NAMES) {
            String candidate = specification.getString(key);
            if (candidate != null) {
                name = candidate;
                if (isProgramName(candidate)) {
                    throw program(candidate);
                }
            }
        }
        for (COSBase file : embedded.getValues()) {
            COSBase resolved = file instanceof COSObject reference ? reference.getObject() : file;
            if (resolved instanceof COSStream stream) {
                StreamLimit.Decoded decoded = StreamLimit.decode(stream, reading, 4);
                if (decoded != null && isProgram(decoded.head())) {
                    throw program(name == null ? "?" : name);
                }
            }
        }
    }

    private static boolean isProgramName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && PROGRAM_EXTENSIONS.contains(name.substring(dot + 1).strip().toLowerCase(Locale.ROOT));
    }

    private static boolean isProgram(byte[] head) {
        for (byte[] magic : PROGRAM_MAGIC) {
            if (head.length >= magic.length && java.util.Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
                return true;
            }
        }
        return false;
    }

    private static SiteSignException program(String name) {
        return DocumentMessage.EMBEDDED_PROGRAM.exception(name);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
