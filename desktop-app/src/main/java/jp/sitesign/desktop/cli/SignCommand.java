package jp.sitesign.desktop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.signature.token.SigningKeySource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Signs PDFs in a batch with a PKCS#11 token or a PKCS#12 file. The PIN or password comes from an
 * environment variable named on the command line, never from the command line itself (it would show in
 * the process list and the shell history).
 */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sign PDFs (PAdES) into an output folder; the inputs are never changed.")
final class SignCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, paramLabel = "PDF", description = "A PDF to sign (repeatable).")
    List<Path> inputs;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Folder for the signed PDFs.")
    Path outDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeyChoice key;

    @Option(names = "--key-alias", required = true, paramLabel = "K", description = "Key (certificate) alias.")
    String alias;

    @Option(names = "--level", defaultValue = "B-B", paramLabel = "LEVEL",
            description = "PAdES level: B-B, B-T, … (default B-B).")
    String level;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 timestamp server, for B-T and above.")
    URI tsa;

    @Spec
    CommandSpec spec;

    @ParentCommand
    DesktopCli cli;

    /** Exactly one key source. */
    static final class KeyChoice {
        @ArgGroup(exclusive = false)
        Pkcs11Choice pkcs11;

        @ArgGroup(exclusive = false)
        Pkcs12Choice pkcs12;
    }

    /** A PKCS#11 token: library, slot by index or label, PIN from an environment variable. */
    static final class Pkcs11Choice {
        @Option(names = "--pkcs11", required = true, paramLabel = "LIB", description = "PKCS#11 library path.")
        Path library;
        @Option(names = "--slot-index", paramLabel = "N", description = "Slot list index.")
        Integer slotIndex;
        @Option(names = "--token-label", paramLabel = "L", description = "Token label.")
        String tokenLabel;
        @Option(names = "--pin-env", required = true, paramLabel = "VAR", description = "Environment variable holding the PIN.")
        String pinEnv;
    }

    /** A PKCS#12 file with its password from an environment variable. */
    static final class Pkcs12Choice {
        @Option(names = "--pkcs12", required = true, paramLabel = "FILE", description = "PKCS#12 (.p12/.pfx) file.")
        Path file;
        @Option(names = "--pass-env", required = true, paramLabel = "VAR",
                description = "Environment variable holding the password.")
        String passEnv;
    }

    @Override
    public Integer call() throws IOException, SigningException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SignatureRequest request = request();
        SigningKeySource source = keySource();
        String secretVar = key.pkcs11 != null ? key.pkcs11.pinEnv : key.pkcs12.passEnv;
        PinCallback pin = what -> secret(secretVar);
        secret(secretVar);
        Files.createDirectories(outDir);
        PadesSigner signer = new PadesSigner(Clock.systemUTC());
        int failed = 0;
        for (Path in : inputs) {
            Path target = outDir.resolve(in.getFileName());
            if (Files.exists(target) && Files.isSameFile(in, target)) {
                err.println("スキップ（入力を上書きしません）/ skipped (would overwrite the input): " + in);
                failed++;
                continue;
            }
            try {
                byte[] signed = signer.sign(Files.readAllBytes(in), source, pin, request);
                Files.write(target, signed);
                out.println("署名しました / signed: " + target);
            } catch (SigningException e) {
                failed++;
                err.println("署名できません / not signed: " + in + ": " + e.messageJa() + " / " + e.messageEn());
            } catch (IOException e) {
                failed++;
                err.println("読み書きできません / cannot read or write: " + in + ": " + e.getMessage());
            }
        }
        out.println((inputs.size() - failed) + " / " + inputs.size() + " signed");
        return failed == 0 ? 0 : 1;
    }

    private SignatureRequest request() {
        SignatureLevel parsed;
        try {
            parsed = SignatureLevel.valueOf(level.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new DesktopCli.UsageProblem("署名レベルが不明です: " + level, "Unknown signature level: " + level
                    + " (one of " + java.util.Arrays.toString(SignatureLevel.values()).replace('_', '-') + ")");
        }
        if (parsed.needsTimestamp() && tsa == null) {
            throw new DesktopCli.UsageProblem(level + " にはタイムスタンプサーバー（--tsa）が必要です。",
                    level + " needs a timestamp server (--tsa).");
        }
        SignatureRequest basic = SignatureRequest.basic(alias);
        return new SignatureRequest(alias, parsed, tsa == null ? null : new Rfc3161Client(tsa), basic.padding(),
                basic.info());
    }

    private SigningKeySource keySource() throws SigningException {
        if (key.pkcs12 != null) {
            return new Pkcs12KeySource(key.pkcs12.file);
        }
        Pkcs11Module module = Pkcs11Module.forLibrary(key.pkcs11.library);
        if ((key.pkcs11.slotIndex == null) == (key.pkcs11.tokenLabel == null)) {
            throw new DesktopCli.UsageProblem("--slot-index と --token-label のどちらか一方を指定してください。",
                    "Give exactly one of --slot-index and --token-label.");
        }
        return key.pkcs11.slotIndex != null ? module.slot(key.pkcs11.slotIndex) : module.token(key.pkcs11.tokenLabel);
    }

    private char[] secret(String variable) {
        String value = cli.env(variable);
        if (value == null || value.isEmpty()) {
            throw new DesktopCli.UsageProblem("環境変数 " + variable + " に PIN／パスワードが設定されていません。",
                    "Environment variable " + variable + " holding the PIN or password is not set.");
        }
        return value.toCharArray();
    }
}
