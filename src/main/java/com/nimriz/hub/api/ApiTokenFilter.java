package com.nimriz.hub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Lets a management API call through only with {@code Authorization: Bearer <hub.api.token>}. */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] token;

    private final ObjectMapper objectMapper;

    ApiTokenFilter(String token, ObjectMapper objectMapper) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith(BEARER) && matches(header.substring(7))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        String message =
                header == null
                        ? "This call needs an Authorization: Bearer <token> header."
                        : "The bearer token is not the hub's API token.";
        objectMapper.writeValue(response.getOutputStream(), new ApiError("unauthorized", message));
    }

    private boolean matches(String presented) {
        // Constant-time, so response times say nothing about the token.
        return MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8));
    }
}
