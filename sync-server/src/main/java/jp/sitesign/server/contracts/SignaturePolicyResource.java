package jp.sitesign.server.contracts;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import jp.sitesign.model.crypto.CertificatePem;

/**
 * The certificates the server accepts signatures from (its trust anchors), so the desktop app checks a
 * signature it just made — offline too, from its copy — exactly as the server will before uploading it.
 * Any logged-in user may read it; it holds only public certificates.
 */
@Path("/api/v1/signature-policy")
@Produces(MediaType.APPLICATION_JSON)
public final class SignaturePolicyResource {
    private final ContractService contracts;

    public SignaturePolicyResource(ContractService contracts) {
        this.contracts = contracts;
    }

    /**
     * @param trustAnchors each a PEM certificate
     * @param tsaUrl       the timestamp server the server uses ({@code tsa.url}, else demo mode's DEMO TSA), which
     *                     clients use for B-T signatures unless their user set another; null without one
     */
    public record SignaturePolicy(List<String> trustAnchors, String tsaUrl) {
    }

    @GET
    public SignaturePolicy get() {
        List<String> pems = new ArrayList<>();
        for (X509Certificate c : contracts.queries().trustAnchors()) {
            pems.add(CertificatePem.encode(c));
        }
        java.net.URI tsa = contracts.queries().tsaUrl();
        return new SignaturePolicy(pems, tsa == null ? null : tsa.toString());
    }
}
