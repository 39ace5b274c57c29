// Expected failures carry a code that the UI translates (messages/*/errors.json); anything else is
// logged with a request id and shown as a generic error.
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "mfaRequired"
  | "notFound"
  | "rateLimited"
  | "conflict"
  | "invalid";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A denial by the guard: the only outcome the authorization-matrix test counts as "denied". */
export class AuthorizationError extends AppError {
  constructor(code: "unauthenticated" | "forbidden" | "mfaRequired", message?: string) {
    super(code, message);
    this.name = "AuthorizationError";
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
