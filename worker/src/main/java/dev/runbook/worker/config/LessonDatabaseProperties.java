package dev.runbook.worker.config;

/**
 * The platform database holding an environment's lesson store (schema {@code platform}), when it
 * is not the worker's own: {@code {url: jdbc:postgresql://..., username: ..., password: ...}}.
 */
public record LessonDatabaseProperties(String url, String username, String password) {}
