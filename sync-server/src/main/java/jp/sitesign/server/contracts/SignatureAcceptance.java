package jp.sitesign.server.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jp.sitesign.model.error.ErrorCode;
import jp.sitesign.model.error.SiteSignException;
import jp.sitesign.model.signature.PadesExtender;
import jp.sitesign.model.signature.SigningException;
import jp.sitesign.model.signature.ltv.RevocationFetcher;
import jp.sitesign.model.signature.timestamp.Rfc3161Client;
import jp.sitesign.model.signature.verify.PadesVerifier;
import jp.sitesign.model.signature.verify.SignatureKind;
import jp.sitesign.model.signature.verify.SignatureReport;
import jp.sitesign.model.signature.verify.VerificationException;
import jp.sitesign.model.signature.verify.VerificationReport;
import jp.sitesign.server.config.ServerConfig;

/**
 * Whether the server accepts a signed version, decided by common-model's verifier only: the new version
 * must extend the current one by incremental update, carry exactly one signature more, and be valid as a
 * whole ({@link VerificationReport#allValid()}). When the last party has signed, the server adds the
 * validation data and a document timestamp (B-LTA) if a TSA is configured.
 */
final class SignatureAcceptance {
    private final PadesVerifier verifier;
    private final PadesExtender archiver;

    private SignatureAcceptance(PadesVerifier verifier, PadesExtender archiver) {
        this.verifier = verifier;
        this.archiver = archiver;
    }

    static SignatureAcceptance from(ServerConfig config, Clock clock) {
        List<X509Certificate> anchors = new ArrayList<>();
        for (String path : config.get("trust.anchors").split(",")) {
            if (!path.isBlank()) {
                anchors.addAll(read(Path.of(path.strip())));
            }
        }
        String tsa = config.get("tsa.url");
        PadesExtender archiver = tsa.isBlank() ? null
                : new PadesExtender(new RevocationFetcher(clock), new Rfc3161Client(URI.create(tsa.strip())), clock);
        return new SignatureAcceptance(new PadesVerifier(anchors, clock), archiver);
    }

    /**
     * Refuses, saying why, unless {@code signed} is {@code base} plus one valid signature; returns the
     * report of the new signature.
     */
    SignatureReport check(byte[] base, byte[] signed) {
        if (signed.length <= base.length || !Arrays.equals(signed, 0, base.length, base, 0, base.length)) {
            throw refuse("署名済みの文書は、現在の版に追記（増分更新）したものでなければなりません。",
                    "The signed document must extend the current version by incremental update.");
        }
        VerificationReport before = verify(base);
        VerificationReport after = verify(signed);
        if (signatures(after) != signatures(before) + 1) {
            throw refuse("署名がちょうど 1 つ追加されていなければなりません。", "Exactly one signature must be added.");
        }
        if (!after.allValid()) {
            SignatureReport bad = after.signatures().stream().filter(s -> !s.valid()).findFirst().orElse(null);
            String detailJa = bad == null ? "" : "（署名 " + bad.number() + "）";
            throw new SiteSignException(ErrorCode.INVALID_SIGNATURE,
                    "署名の検証に失敗しました" + detailJa + "。\n" + after.toText(Locale.JAPANESE),
                    "The signature did not verify.\n" + after.toText(Locale.ENGLISH));
        }
        List<SignatureReport> signed1 = after.signatures().stream().filter(s -> s.kind() == SignatureKind.SIGNATURE)
                .toList();
        return signed1.get(signed1.size() - 1);
    }

    /** The completed contract's final form: B-LTA when a TSA is configured, else as signed. */
    byte[] archive(byte[] signed) {
        if (archiver == null) {
            return signed;
        }
        try {
            return archiver.addArchiveTimestamp(archiver.addValidationData(signed));
        } catch (SigningException e) {
            throw new SiteSignException(ErrorCode.INTERNAL, "長期署名の付与に失敗しました: " + e.messageJa(),
                    "Adding the long-term validation data failed: " + e.messageEn());
        }
    }

    VerificationReport verify(byte[] pdf) {
        try {
            return verifier.verify(pdf);
        } catch (VerificationException e) {
            throw refuse("PDF を検証できません。", "The PDF cannot be verified.");
        }
    }

    private static long signatures(VerificationReport r) {
        return r.signatures().stream().filter(s -> s.kind() == SignatureKind.SIGNATURE).count();
    }

    private static SiteSignException refuse(String ja, String en) {
        return new SiteSignException(ErrorCode.INVALID_SIGNATURE, ja, en);
    }

    private static List<X509Certificate> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trust anchor " + file, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("trust anchor " + file + " is not a certificate: " + e.getMessage(), e);
        }
    }
}
