// Sees every typed error the code under test creates, even one an action catches and turns into a
// form message or a redirect: the authorization matrix counts a cell as denied only when the code
// really raised an AuthorizationError (or, for another tenant's object, AppError "notFound").
//
//   vi.mock("@/lib/errors", async (importOriginal) => (await import("@/server/testing/error-observer")).observedErrors(await importOriginal()));
//
// The replacement classes are subclasses of the real ones, and `instanceof` against them accepts
// any instance of the real class, so the app's own checks behave exactly as in production.
// Not a test file; imported by tests only.
import type * as Errors from "@/lib/errors";

type ErrorsModule = typeof Errors;
type AppErrorCode = Errors.AppErrorCode;

export interface ObservedError {
  kind: "authorization" | "app";
  code: AppErrorCode;
  message: string;
}

let observed: ObservedError[] = [];

/** Forgets what earlier cells raised; call at the start of each cell. */
export function resetObservedErrors(): void {
  observed = [];
}

export function observedErrors(): readonly ObservedError[] {
  return observed;
}

/** Builds the module that replaces lib/errors.ts. */
export function observingErrorsModule(actual: ErrorsModule): ErrorsModule {
  class ObservedAppError extends actual.AppError {
    constructor(...args: ConstructorParameters<typeof actual.AppError>) {
      super(...args);
      observed.push({ kind: "app", code: this.code, message: this.message });
    }
    static [Symbol.hasInstance](value: unknown) {
      return value instanceof actual.AppError;
    }
  }
  class ObservedAuthorizationError extends actual.AuthorizationError {
    constructor(...args: ConstructorParameters<typeof actual.AuthorizationError>) {
      super(...args);
      observed.push({ kind: "authorization", code: this.code, message: this.message });
    }
    static [Symbol.hasInstance](value: unknown) {
      return value instanceof actual.AuthorizationError;
    }
  }
  return { ...actual, AppError: ObservedAppError, AuthorizationError: ObservedAuthorizationError };
}
