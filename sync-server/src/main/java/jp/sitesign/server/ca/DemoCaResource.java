package jp.sitesign.server.ca;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.security.cert.CertificateEncodingException;
import jp.sitesign.server.auth.Public;

/**
 * The DEMO CA's certificate, CRL and OCSP responder and the DEMO TSA, public as such services are (no
 * session). Registered only when the embedded demo CA is enabled.
 */
@Path("/")
public final class DemoCaResource {
    private final DemoCa ca;
    private final DemoRevocation revocation;
    private final DemoTsa tsa;

    public DemoCaResource(DemoCa ca) {
        this.ca = ca;
        this.revocation = new DemoRevocation(ca);
        this.tsa = new DemoTsa(ca);
    }

    @GET
    @Path("demo-ca/ca.crt")
    @Produces("application/pkix-cert")
    @Public
    public byte[] certificate() {
        try {
            return ca.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("demo-ca/crl")
    @Produces("application/pkix-crl")
    @Public
    public byte[] crl() {
        return revocation.crl();
    }

    @POST
    @Path("demo-ca/ocsp")
    @Consumes("application/ocsp-request")
    @Produces("application/ocsp-response")
    @Public
    public byte[] ocsp(byte[] request) {
        return revocation.ocsp(request);
    }

    @POST
    @Path("demo-tsa")
    @Consumes("application/timestamp-query")
    @Produces("application/timestamp-reply")
    @Public
    public Response timestamp(byte[] request) {
        byte[] reply = tsa.respond(request);
        if (reply == null) {
            throw CaMessage.TIMESTAMP_REQUEST_UNREADABLE.exception();
        }
        return Response.ok(reply).build();
    }
}
