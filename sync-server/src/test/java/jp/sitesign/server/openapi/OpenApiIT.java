package jp.sitesign.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jp.sitesign.server.ApiApplication;
import jp.sitesign.server.auth.AcceptsApiKey;
import jp.sitesign.server.testing.ApiClient;
import jp.sitesign.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI description parses with swagger-core itself, and matches the resources Jersey serves: no
 * resource method missing from it, no documented operation that no method serves.
 */
class OpenApiIT {
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    static TestServer server;
    static OpenAPI served;
    static Map<String, Method> resourceMethods;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        ApiClient.Response json = server.api().get("/api/openapi.json", null);
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        served = Json.mapper().readValue(json.bytes(), OpenAPI.class);
        resourceMethods = resourceMethods();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theJsonAndTheYamlAreTheSameOpenApi3Description() throws IOException {
        ApiClient.Response yaml = server.api().get("/api/openapi.yaml", null);
        assertThat(yaml.status()).isEqualTo(200);
        OpenAPI fromYaml = Yaml.mapper().readValue(yaml.bytes(), OpenAPI.class);
        assertThat(served.getOpenapi()).startsWith("3.");
        assertThat(fromYaml).isEqualTo(served);
        assertThat(served.getComponents().getSecuritySchemes()).containsKey(OpenApiDescription.BEARER);
    }

    @Test
    void everyResourceMethodIsDocumented_andEveryDocumentedOperationIsServed() {
        assertThat(documented().keySet()).isEqualTo(resourceMethods.keySet());
    }

    @Test
    void everyOperationAnApiKeyMayCallIsDescribedInJapanese() {
        Map<String, Operation> documented = documented();
        resourceMethods.forEach((operation, method) -> {
            if (method.isAnnotationPresent(AcceptsApiKey.class)) {
                Operation o = documented.get(operation);
                assertThat(o.getSummary()).as(operation).isNotBlank().containsPattern(JAPANESE);
                assertThat(o.getDescription()).as(operation).contains("スコープ");
            }
        });
    }

    @Test
    void theApplicationRequestCarriesAnExample() {
        Operation apply = served.getPaths().get("/api/v1/integration/applications").getPost();
        assertThat(apply.getRequestBody().getContent().get("application/json").getExamples()).isNotEmpty();
    }

    /** "VERB /path" of every operation in the served description. */
    private static Map<String, Operation> documented() {
        Map<String, Operation> out = new TreeMap<>();
        served.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((verb, op) -> out.put(verb.name() + " " + path, op)));
        return out;
    }

    /** "VERB /path" of every resource method Jersey serves (the server's own ResourceConfig). */
    private static Map<String, Method> resourceMethods() {
        Map<String, Method> out = new TreeMap<>();
        for (Class<?> type : ApiApplication.create(server.context()).getClasses()) {
            Path root = type.getAnnotation(Path.class);
            if (root == null || type.isAnnotationPresent(Hidden.class)) {
                continue;
            }
            for (Method m : type.getMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    out.put(verb + " " + normalize(root.value() + (sub == null ? "" : "/" + sub.value())), m);
                }
            }
        }
        return out;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Jersey's template without regular expressions and doubled slashes, as OpenAPI writes paths. */
    private static String normalize(String path) {
        String p = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        p = p.startsWith("/") ? p : "/" + p;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
