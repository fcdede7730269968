/**
 * Expected outcomes are values, not exceptions: a decision either succeeds with a value or is refused
 * with a stable machine-readable code and a message written for the person who has to act on it.
 */
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Refusal<C extends string = string> = {
  readonly code: C;
  readonly message: string;
  readonly path?: readonly (string | number)[];
};
export type Err<C extends string = string> = { readonly ok: false; readonly error: Refusal<C> };
export type Result<T, C extends string = string> = Ok<T> | Err<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export const refuse = <C extends string>(
  code: C,
  message: string,
  path?: readonly (string | number)[],
): Err<C> => ({ ok: false, error: path === undefined ? { code, message } : { code, message, path } });
