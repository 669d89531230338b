package com.nimriz.hub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.HubProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Guards the management API with its bearer token. */
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
}
