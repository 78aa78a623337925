package jp.sitesign.server.certificates;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import jp.sitesign.server.auth.AuthFilter;
import jp.sitesign.server.auth.Caller;
import jp.sitesign.server.http.Params;

/**
 * 電子証明書 of the caller's company: register (the certificate as PEM or DER in the body), list, see, and
 * bind or unbind users; and the applications for more.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CertificateResource {
    private final CertificateService certificates;
    private final ApplicationService applications;

    public CertificateResource(CertificateService certificates, ApplicationService applications) {
        this.certificates = certificates;
        this.applications = applications;
    }

    @GET
    @Path("certificates")
    public CertificateList list(@Context SecurityContext security) {
        return new CertificateList(certificates.list(AuthFilter.caller(security)));
    }

    @POST
    @Path("certificates")
    @Consumes({"application/pkix-cert", "application/x-pem-file", "application/x-x509-ca-cert",
        MediaType.APPLICATION_OCTET_STREAM})
    public Response register(byte[] certificate, @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED)
                .entity(certificates.register(AuthFilter.caller(security), certificate)).build();
    }

    @GET
    @Path("certificates/{number}")
    public SigningCertificate get(@PathParam("number") String number, @Context SecurityContext security) {
        return certificates.get(AuthFilter.caller(security), number);
    }

    @POST
    @Path("certificates/{number}/bindings")
    public SigningCertificate bind(@PathParam("number") String number, BindingRequest body,
            @Context SecurityContext security) {
        if (body == null || body.userId() == null) {
            throw CertificateMessage.USER_ID_REQUIRED.exception();
        }
        Caller caller = AuthFilter.caller(security);
        certificates.bind(caller, Params.userId("userId", body.userId()), number);
        return certificates.get(caller, number);
    }

    @DELETE
    @Path("certificates/{number}/bindings/{userId}")
    public SigningCertificate unbind(@PathParam("number") String number, @PathParam("userId") String userId,
            @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        certificates.unbind(caller, Params.userId("userId", userId), number);
        return certificates.get(caller, number);
    }

    @GET
    @Path("certificate-applications")
    public ApplicationList applications(@Context SecurityContext security) {
        return new ApplicationList(applications.list(AuthFilter.caller(security)));
    }

    @POST
    @Path("certificate-applications")
    public Response apply(ApplicationRequest body, @Context SecurityContext security) {
        if (body == null) {
            throw CertificateMessage.APPLICATION_EMPTY.exception();
        }
        CertificateApplication a = applications.apply(AuthFilter.caller(security),
                new CertificateApplication.Holder(body.holderName(), body.department(), body.title(), body.email()),
                body.reason(), body.csr());
        return Response.status(Response.Status.CREATED).entity(a).build();
    }

    /** The user to bind. */
    public record BindingRequest(String userId) {
    }

    /** An application: the holder (the subject's department and title), the reason, optionally a PEM CSR. */
    public record ApplicationRequest(String holderName, String department, String title, String email,
            String reason, String csr) {
    }

    /** The company's certificates. */
    public record CertificateList(List<SigningCertificate> items) {
    }

    /** The company's applications. */
    public record ApplicationList(List<CertificateApplication> items) {
    }
}
