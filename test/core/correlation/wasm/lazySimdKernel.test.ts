import { lazySimdKernel } from "../../../../src/core/correlation/wasm/lazySimdKernel";
import { tridiagonalKernelWasm } from "../../../../src/core/correlation/wasm/tridiagonalKernelWasm";

/**
 * (module (memory (export "memory") 1)
 *   (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)),
 * assembled by hand: header, type, function, memory, export and code sections.
 */
const ADD_MODULE = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01,
  0x7f, 0x03, 0x02, 0x01, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x07, 0x10, 0x02, 0x06, 0x6d, 0x65,
  0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07,
  0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b,
]).toString("base64");

/** (module (import "env" "f" (func))): valid, but instantiating it without imports fails. */
const IMPORTING_MODULE = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x02, 0x09,
  0x01, 0x03, 0x65, 0x6e, 0x76, 0x01, 0x66, 0x00, 0x00,
]).toString("base64");

interface AddKernel {
  readonly memory: WebAssembly.Memory;
  readonly add: (a: number, b: number) => number;
}

describe("lazySimdKernel", () => {
  afterEach(() => jest.restoreAllMocks());

  it("instantiates the module: its exports, working", () => {
    const kernel = lazySimdKernel<AddKernel>(() => ADD_MODULE)();
    expect(kernel).not.toBeNull();
    expect(kernel!.add(2, 3)).toBe(5);
    expect(kernel!.add(-7, 4)).toBe(-3);
    expect(kernel!.memory).toBeInstanceOf(WebAssembly.Memory);
    expect(kernel!.memory.buffer.byteLength).toBe(65536);
  });

  it("instantiates an embedded kernel (tridiagonalKernel.wat): its memory and entry points", () => {
    const kernel = lazySimdKernel<Record<string, unknown>>(() => tridiagonalKernelWasm)();
    expect(kernel).not.toBeNull();
    expect(kernel!.memory).toBeInstanceOf(WebAssembly.Memory);
    for (const name of ["symv", "rowUpdate", "panelCorrection", "syr2k"]) {
      expect(typeof kernel![name]).toBe("function");
    }
  });

  it("compiles nothing until first asked, then once: later calls return the same instance", () => {
    const compile = jest.spyOn(WebAssembly, "Module");
    const bytes = jest.fn(() => ADD_MODULE);
    const kernel = lazySimdKernel<AddKernel>(bytes);
    expect(bytes).not.toHaveBeenCalled();
    expect(compile).not.toHaveBeenCalled();
    const first = kernel();
    expect(kernel()).toBe(first);
    expect(kernel()).toBe(first);
    expect(bytes).toHaveBeenCalledTimes(1);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it("each getter has its own instance (and memory)", () => {
    const a = lazySimdKernel<AddKernel>(() => ADD_MODULE)();
    const b = lazySimdKernel<AddKernel>(() => ADD_MODULE)();
    expect(a).not.toBe(b);
    expect(a!.memory).not.toBe(b!.memory);
  });

  it("is null for bytes the engine rejects (a truncated module), and asks only once", () => {
    const compile = jest.spyOn(WebAssembly, "Module");
    // "AGFzbQ==" is the 4-byte magic number alone: no version, so CompileError.
    const kernel = lazySimdKernel<AddKernel>(() => "AGFzbQ==");
    expect(kernel()).toBeNull();
    expect(kernel()).toBeNull();
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it("is null when compiling is refused by the host (a CSP without 'wasm-unsafe-eval')", () => {
    jest.spyOn(WebAssembly, "Module").mockImplementation(() => {
      throw new WebAssembly.CompileError(
        "WebAssembly.Module(): Wasm code generation disallowed by embedder"
      );
    });
    expect(lazySimdKernel<AddKernel>(() => ADD_MODULE)()).toBeNull();
  });

  it("is null when instantiation fails (a module whose imports are not given)", () => {
    expect(lazySimdKernel<AddKernel>(() => IMPORTING_MODULE)()).toBeNull();
  });

  it("is null without WebAssembly SIMD, never asking for the bytes or compiling", () => {
    let lazy: typeof lazySimdKernel | undefined;
    jest.isolateModules(() => {
      jest.doMock("../../../../src/core/correlation/wasm/wasmSimdAvailable", () => ({
        wasmSimdAvailable: () => false,
      }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      lazy = require("../../../../src/core/correlation/wasm/lazySimdKernel").lazySimdKernel;
    });
    const compile = jest.spyOn(WebAssembly, "Module");
    const bytes = jest.fn(() => ADD_MODULE);
    const kernel = lazy!<AddKernel>(bytes);
    expect(kernel()).toBeNull();
    expect(kernel()).toBeNull();
    expect(bytes).not.toHaveBeenCalled();
    expect(compile).not.toHaveBeenCalled();
  });
});
