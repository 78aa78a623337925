package jp.sitesign.model.signature.ltv;

import jp.sitesign.model.signature.core.SigningError;
import jp.sitesign.model.signature.core.SigningException;
import jp.sitesign.model.signature.pdf.DocumentStep;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * B-T → B-LT: adds to {@code /DSS} the certificates and revocation data for every signature and
 * document timestamp that has no {@code /VRI} entry yet (signer chains and TSA chains alike), by
 * incremental update. Signatures already covered keep their data: that is what lets an archive
 * timestamp be renewed years later, when only the newest timestamp still needs fresh data. A
 * certificate revoked after its signature's timestamp does not stop the step: the signature was made
 * while it was good, and the revocation data goes in as it is, for the verifier.
 *
 * <p>Nothing is returned unless the data for every chain was obtained; see {@link RevocationFetcher}.
 */
public final class ValidationDataStep implements DocumentStep {
    private final RevocationFetcher fetcher;
    private final Clock clock;

    public ValidationDataStep(RevocationFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** @throws SigningException NOT_SIGNED, REVOCATION_UNAVAILABLE, CERTIFICATE_REVOKED, DOCUMENT_UNREADABLE */
    @Override
    public byte[] apply(byte[] pdf) throws SigningException {
        List<SignatureInventory.Entry> entries = SignatureInventory.read(pdf);
        if (entries.isEmpty()) {
            throw new SigningException(SigningError.NOT_SIGNED);
        }
        try (PDDocument document = DssWriter.load(pdf)) {
            Set<String> covered = SignatureInventory.coveredKeys(document);
            Map<X509Certificate, RevocationFetcher.Status> answers = new HashMap<>();
            Map<String, ValidationData> perSignature = new LinkedHashMap<>();
            for (SignatureInventory.Entry entry : entries) {
                if (covered.contains(entry.vriKey())) {
                    continue;
                }
                ValidationData data = new ValidationData();
                for (SignatureInventory.Chain chain : entry.chains()) {
                    data.addAll(fetcher.forChain(chain.certificates(), chain.provenAt(), answers));
                }
                perSignature.put(entry.vriKey(), data);
            }
            if (perSignature.isEmpty()) {
                return pdf.clone();
            }
            return DssWriter.append(document, perSignature, clock.instant());
        } catch (IOException e) {
            throw new SigningException(SigningError.DOCUMENT_UNREADABLE, e, e.getMessage());
        }
    }
}
