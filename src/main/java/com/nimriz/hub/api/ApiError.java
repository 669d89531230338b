package com.nimriz.hub.api;

/** The body of every error answer: a stable code and a sentence for a person. */
public record ApiError(String error, String message) {}
