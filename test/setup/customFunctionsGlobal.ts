/**
 * A minimal stand-in for the CustomFunctions runtime global, as Excel provides it, so tests can call
 * exactly the functions Excel calls. Mirrors the runtime: Error(code, message) with the documented
 * ErrorCode strings; associate records registrations.
 */
class CustomFunctionsErrorDouble extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

const registry = new Map<string, unknown>();

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsErrorDouble,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate(id: string, fn: unknown) {
    registry.set(id, fn);
  },
  __registry: registry,
};
