package dev.runbook.sandbox.platform;

/**
 * A refused admin request, with the HTTP status that says why and a message a person can act on.
 */
public final class PlatformException extends RuntimeException {

  /** Why a request was refused. */
  public enum Kind {
    BAD_INPUT(400),
    NOT_FOUND(404),
    CONFLICT(409);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  public PlatformException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static PlatformException badInput(String message) {
    return new PlatformException(Kind.BAD_INPUT, message);
  }

  public static PlatformException notFound(String message) {
    return new PlatformException(Kind.NOT_FOUND, message);
  }

  public static PlatformException conflict(String message) {
    return new PlatformException(Kind.CONFLICT, message);
  }
}
