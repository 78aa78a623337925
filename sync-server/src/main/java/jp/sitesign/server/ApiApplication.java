package jp.sitesign.server;

import java.util.ArrayList;
import java.util.List;
import jp.sitesign.server.audit.web.AuditResource;
import jp.sitesign.server.auth.AuthFilter;
import jp.sitesign.server.auth.AuthResource;
import jp.sitesign.server.ca.DemoCaResource;
import jp.sitesign.server.certificates.CertificateResource;
import jp.sitesign.server.client.ClientVersionResource;
import jp.sitesign.server.contracts.ContractResource;
import jp.sitesign.server.contracts.SignaturePolicyResource;
import jp.sitesign.server.health.HealthResource;
import jp.sitesign.server.http.Cidrs;
import jp.sitesign.server.http.ErrorMapper;
import jp.sitesign.server.http.JsonMapper;
import jp.sitesign.server.http.RequestLog;
import jp.sitesign.server.http.SecurityHeaders;
import jp.sitesign.server.http.StrictUtf8;
import jp.sitesign.server.integration.IntegrationResource;
import jp.sitesign.server.metrics.MetricsResource;
import jp.sitesign.server.notices.NoticeResource;
import jp.sitesign.server.openapi.OpenApiResource;
import jp.sitesign.server.partnerships.PartnershipResource;
import jp.sitesign.server.sync.SyncResource;
import jp.sitesign.server.users.MeResource;
import jp.sitesign.server.users.UserResource;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The API: every resource, filter and mapper registered explicitly (no package scanning). */
public final class ApiApplication {
    private ApiApplication() {
    }

    public static ResourceConfig create(ServerContext ctx) {
        ResourceConfig rc = new ResourceConfig();
        rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        rc.property(ServerProperties.BV_FEATURE_DISABLE, true);
        rc.register(JacksonFeature.withoutExceptionMappers());
        rc.register(new JsonMapper());
        rc.register(new ErrorMapper());
        rc.register(new StrictUtf8());
        rc.register(new AuthFilter(ctx.auth(), ctx.integration(), ctx.clientAddress()));
        rc.register(new RequestLog((finished, request) -> ctx.metrics().request(finished)));
        rc.register(new SecurityHeaders());
        List<Object> resources = new ArrayList<>(List.of(
                new AuthResource(ctx.auth()),
                new MeResource(ctx.users(), ctx.auth(), ctx.signingAuthority(), ctx.clock()),
                new UserResource(ctx.users(), ctx.certificates(), ctx.signingAuthority(), ctx.clock()),
                new NoticeResource(ctx.notices(), ctx.guard()),
                new AuditResource(ctx.audit(), ctx.guard()),
                new PartnershipResource(ctx.partnerships()),
                new ContractResource(ctx.contracts()),
                new jp.sitesign.server.evidence.EvidenceResource(ctx.evidence()),
                new SignaturePolicyResource(ctx.contracts()),
                new SyncResource(ctx.sync(), ctx.uploads(), ctx.contracts(), ctx.metrics()),
                new CertificateResource(ctx.certificates(), ctx.certificateApplications()),
                ClientVersionResource.of(ctx.config()),
                new IntegrationResource(ctx.integration(), ctx.webhooks()),
                new HealthResource(ctx.readiness()),
                new MetricsResource(ctx.metrics(), Cidrs.parseSetting("metrics.allow",
                        ctx.config().get("metrics.allow")))));
        if (ctx.demoCa() != null) {
            resources.add(new DemoCaResource(ctx.demoCa()));
        }
        resources.add(OpenApiResource.of(resources.stream().<Class<?>>map(Object::getClass).toList()));
        resources(rc, resources.toArray());
        return rc;
    }

    /**
     * Registers resource classes and binds our constructed instances to them. Registering the instances
     * directly works too, but Jersey then logs a spurious "provider will be ignored" warning for each
     * (eclipse-ee4j/jersey#3700).
     */
    private static void resources(ResourceConfig rc, Object... instances) {
        rc.register(new AbstractBinder() {
            @Override
            protected void configure() {
                for (Object instance : instances) {
                    bindInstance(instance);
                }
            }

            @SuppressWarnings("unchecked")
            private <T> void bindInstance(T instance) {
                bind(instance).to((Class<T>) instance.getClass());
            }
        });
        for (Object instance : instances) {
            rc.register(instance.getClass());
        }
    }
}
