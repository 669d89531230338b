package com.nimriz.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.ApiClient.Answer;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document the hub serves describes exactly the API calls it implements. */
class OpenApiDocumentIT extends HubIntegrationTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "patch", "delete");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void servesItsOpenApiDocumentWithoutAToken() {
        Answer answer = api().withToken(null).send("GET", "/openapi.yaml", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw()).startsWith("openapi: 3.0.3");
    }

    @Test
    void documentsEveryImplementedCallAndNoOther() {
        String document = api().withToken(null).send("GET", "/openapi.yaml", null).raw();

        assertThat(documented(document)).isEqualTo(implemented());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documented(String document) {
        Map<String, Object> openApi = new Yaml().load(document);
        Map<String, Map<String, Object>> paths =
                (Map<String, Map<String, Object>>) openApi.get("paths");
        Set<String> calls = new TreeSet<>();
        paths.forEach(
                (path, operations) ->
                        operations.keySet().stream()
                                .filter(HTTP_METHODS::contains)
                                .forEach(m -> calls.add(call(m, path))));
        return calls;
    }

    private Set<String> implemented() {
        Set<String> calls = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    calls.add(call(method.name(), path));
                }
            }
        }
        return calls;
    }

    /** "METHOD /path/{}" with path variables unnamed, so names may differ. */
    private static String call(String method, String path) {
        return method.toUpperCase() + " " + path.replaceAll("\\{[^}]+}", "{}");
    }
}
