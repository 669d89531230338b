package com.nimriz.hub;

/**
 * A request the hub refuses, with the HTTP status, a stable error code and a sentence for a person
 * (SPEC section 6).
 */
public class Refusal extends RuntimeException {

    private final int status;

    private final String code;

    public Refusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static Refusal badRequest(String message) {
        return new Refusal(400, "invalid_request", message);
    }

    public static Refusal notFound(String code, String message) {
        return new Refusal(404, code, message);
    }

    public static Refusal unprocessable(String code, String message) {
        return new Refusal(422, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
