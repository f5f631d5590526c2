import { evaluate, parse } from "@marcbachmann/cel-js";

type Context = Record<string, unknown>;

/** Whether a CEL expression parses; used at sync time so a typo fails loudly there. */
export function isValidExpression(expression: string): boolean {
  try {
    parse(expression);
    return true;
  } catch {
    return false;
  }
}

/** Evaluates a CEL boolean such as an `if` or trigger expression; any evaluation error counts as no match. */
export function matchesExpression(expression: string | undefined | null, context: Context): boolean {
  if (!expression) return true;
  try {
    return evaluate(expression, context) === true;
  } catch {
    return false;
  }
}

/** Evaluates a CEL key expression (concurrency, throttle) to a string. */
export function evaluateKey(expression: string, context: Context): string {
  try {
    const value = evaluate(expression, context);
    return typeof value === "string" ? value : String(value);
  } catch {
    return "";
  }
}
