package com.nimriz.hub.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.nimriz.hub.HubProperties;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Guards the management API with its bearer token and keeps its JSON bodies strict. */
@Configuration(proxyBeanMethods = false)
class ApiSetup {

    static final String API_PATHS = "/api/*";

    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(
            HubProperties properties, ObjectMapper objectMapper) {
        FilterRegistrationBean<ApiTokenFilter> registration =
                new FilterRegistrationBean<>(
                        new ApiTokenFilter(properties.api().token(), objectMapper));
        registration.addUrlPatterns(API_PATHS);
        registration.setName("apiTokenFilter");
        return registration;
    }

    /**
     * Refuses a number or boolean where the API expects text, as a wrong JSON type (400).
     * spring.jackson.mapper.allow-coercion-of-scalars=false does not cover text targets: Jackson
     * still turns {"name": 42} into "42".
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer refuseScalarsAsText() {
        return builder ->
                builder.postConfigurer(
                        mapper ->
                                mapper.coercionConfigFor(LogicalType.Textual)
                                        .setCoercion(
                                                CoercionInputShape.Integer, CoercionAction.Fail)
                                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                        .setCoercion(
                                                CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * Refuses, as 400, a body with more after its JSON value: by default Jackson reads {"plan":
     * "free"} {"plan": "enterprise"} as the first object and ignores the rest.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer refuseTrailingContent() {
        return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
