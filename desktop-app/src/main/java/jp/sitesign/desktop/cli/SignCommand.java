package jp.sitesign.desktop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.sitesign.desktop.signing.seal.SealFonts;
import jp.sitesign.desktop.signing.seal.SealGeometry;
import jp.sitesign.desktop.signing.seal.SealStamp;
import jp.sitesign.model.signature.PadesSigner;
import jp.sitesign.model.signature.SignatureRequest;
import jp.sitesign.model.signature.appearance.VisibleSignature;
import jp.sitesign.model.signature.core.SignatureLevel;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.ltv.RevocationFetcher;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.token.BatchKeySource;
import jp.sitesign.model.signature.token.KeySession;
import jp.sitesign.model.signature.token.PinCallback;
import jp.sitesign.model.signature.token.Pkcs11Module;
import jp.sitesign.model.signature.token.Pkcs12KeySource;
import jp.sitesign.model.signature.token.SigningKeySource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
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

    @Option(names = "--key-alias", defaultValue = "", paramLabel = "K",
            description = "Key (certificate) alias; leave it out when the token or file holds one key.")
    String alias;

    @Option(names = "--level", defaultValue = "B-B", paramLabel = "LEVEL",
            description = "PAdES level: B-B, B-T, … (default B-B).")
    String level;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 timestamp server, for B-T and above.")
    URI tsa;

    @Option(names = "--seal-page", paramLabel = "N",
            description = "Show the seal (印影) with the signer's name, company and title on page N (1 = first).")
    Integer sealPage;

    @Option(names = "--seal-at", paramLabel = "X,Y", split = ",",
            description = "The seal's lower-left corner in PDF points from the page's lower-left (with --seal-page).")
    List<Float> sealAt;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Documents prepared and timestamped at once (default: the processors this machine has); "
                    + "the key itself signs one at a time.")
    Integer jobs;

    @Option(names = "--quiet", description = "No progress line on stderr.")
    boolean quiet;

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
        // One signer for the batch: its revocation answers serve every file (they share the chains).
        PadesSigner signer = new PadesSigner(Clock.systemUTC(), PadesSigner.DEFAULT_TIMESTAMP_RESERVE,
                RevocationFetcher.forBatch(Clock.systemUTC()));
        int failed;
        // One login for the whole batch; a refused PIN is not tried again for every file.
        try (BatchKeySource batch = new BatchKeySource(source)) {
            SignatureRequest perFile;
            try {
                perFile = sealPage == null ? request : request.withAppearance(seal(batch, pin));
            } catch (SigningException e) {
                for (Path in : inputs) {
                    err.println(CliMessage.NOT_SIGNED.ja(in, e.messageJa()) + " / "
                            + CliMessage.NOT_SIGNED.en(in, e.messageEn()));
                }
                perFile = null;
            }
            failed = perFile == null ? inputs.size() : signAll(signer, batch, pin, perFile, out, err);
        }
        out.println(CliMessage.SIGNED_COUNT.line(inputs.size() - failed, inputs.size()));
        return failed == 0 ? 0 : 1;
    }

    /**
     * Signs every input on {@code jobs} workers sharing one signer (which takes key operations in turn) and prints
     * each file's result in input order, with progress lines on stderr for a batch.
     */
    private int signAll(PadesSigner signer, SigningKeySource source, PinCallback pin, SignatureRequest request,
                        PrintWriter out, PrintWriter err) {
        int workers = Math.max(1, jobs == null ? Runtime.getRuntime().availableProcessors() : jobs);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, inputs.size()), r -> {
            Thread t = new Thread(r, "sign-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> results = new ArrayList<>();
            for (Path in : inputs) {
                results.add(pool.submit(() -> signOne(signer, source, pin, request, in)));
            }
            Progress progress = new Progress(err, inputs.size(), quiet || inputs.size() < 2);
            int failed = 0;
            for (Future<Outcome> result : results) {
                Outcome done = result.get();
                (done.signed() ? out : err).println(done.line());
                if (!done.signed()) {
                    failed++;
                }
                progress.advance();
            }
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(boolean signed, String line) {
    }

    private Outcome signOne(PadesSigner signer, SigningKeySource source, PinCallback pin, SignatureRequest request,
                            Path in) {
        try {
            Path target = outDir.resolve(in.getFileName());
            if (Files.exists(target) && Files.isSameFile(in, target)) {
                return new Outcome(false, CliMessage.SKIPPED_WOULD_OVERWRITE.line(in));
            }
            byte[] signed = signer.sign(Files.readAllBytes(in), source, pin, request);
            Files.write(target, signed);
            return new Outcome(true, CliMessage.SIGNED.line(target));
        } catch (SigningException e) {
            return new Outcome(false, CliMessage.NOT_SIGNED.ja(in, e.messageJa()) + " / "
                    + CliMessage.NOT_SIGNED.en(in, e.messageEn()));
        } catch (IOException e) {
            return new Outcome(false, CliMessage.CANNOT_READ_OR_WRITE.line(in, e.getMessage()));
        }
    }

    /**
     * The seal the window would draw, for the key the batch signs with: its name, company and title come from the
     * certificate (CN, O and title), so a batch cannot put another name under a signature.
     */
    private VisibleSignature seal(SigningKeySource batch, PinCallback pin) throws SigningException {
        X509Certificate certificate;
        try (KeySession session = batch.open(pin)) {
            certificate = session.keyOrOnly(alias).certificate();
        }
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        String name = rdn(subject, BCStyle.CN);
        Path font = SealFonts.onThisComputer().orElseThrow(() -> CliMessage.NO_SEAL_FONT.usage());
        return new VisibleSignature(sealPage, sealAt.get(0), sealAt.get(1), (float) SealGeometry.SEAL_WIDTH,
                (float) SealGeometry.SEAL_HEIGHT, SealStamp.png(name == null ? "?" : name, font),
                name == null ? certificate.getSubjectX500Principal().getName() : name, rdn(subject, BCStyle.O),
                rdn(subject, BCStyle.T), font);
    }

    private static String rdn(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] found = name.getRDNs(type);
        return found.length == 0 ? null : IETFUtils.valueToString(found[0].getFirst().getValue());
    }

    private SignatureRequest request() {
        if ((sealPage == null) != (sealAt == null)) {
            throw CliMessage.SEAL_NEEDS_PAGE_AND_PLACE.usage();
        }
        if (sealAt != null && (sealAt.size() != 2 || sealPage < 1)) {
            throw CliMessage.SEAL_PLACE_INVALID.usage();
        }
        SignatureLevel parsed;
        try {
            parsed = SignatureLevel.valueOf(level.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw CliMessage.UNKNOWN_LEVEL.usage(level,
                    java.util.Arrays.toString(SignatureLevel.values()).replace('_', '-'));
        }
        if (parsed.needsTimestamp() && tsa == null) {
            throw CliMessage.LEVEL_NEEDS_TSA.usage(level);
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
            throw CliMessage.ONE_SLOT_CHOICE.usage();
        }
        return key.pkcs11.slotIndex != null ? module.slot(key.pkcs11.slotIndex) : module.token(key.pkcs11.tokenLabel);
    }

    private char[] secret(String variable) {
        String value = cli.env(variable);
        if (value == null || value.isEmpty()) {
            throw CliMessage.SECRET_NOT_SET.usage(variable);
        }
        return value.toCharArray();
    }
}
