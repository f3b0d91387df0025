describe("wasmSimdAvailable", () => {
  const realWebAssembly = globalThis.WebAssembly;
  afterEach(() => {
    globalThis.WebAssembly = realWebAssembly;
    jest.restoreAllMocks();
  });

  /** A fresh copy of the module, so its cached answer starts empty. */
  function freshProbe(): () => boolean {
    let probe: (() => boolean) | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      probe = require("../../../../src/core/correlation/wasm/wasmSimdAvailable").wasmSimdAvailable;
    });
    return probe!;
  }

  it("is true on Node ≥ 16.4 (V8 9.1+, WebAssembly SIMD on by default), as this test runs", () => {
    const [major, minor] = process.versions.node.split(".").map(Number);
    expect(major > 16 || (major === 16 && minor >= 4)).toBe(true);
    expect(freshProbe()()).toBe(true);
  });

  it("validates the probe with WebAssembly.validate once, then answers from its cache", () => {
    const validate = jest.spyOn(WebAssembly, "validate");
    const probe = freshProbe();
    expect(probe()).toBe(true);
    expect(probe()).toBe(true);
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it("is false without WebAssembly", () => {
    // @ts-expect-error: simulating an engine without WebAssembly
    delete globalThis.WebAssembly;
    expect(freshProbe()()).toBe(false);
  });

  it("is false when the engine rejects the SIMD probe (no SIMD)", () => {
    jest.spyOn(WebAssembly, "validate").mockReturnValue(false);
    expect(freshProbe()()).toBe(false);
  });

  it("is false, not an exception, when the host refuses WebAssembly", () => {
    jest.spyOn(WebAssembly, "validate").mockImplementation(() => {
      throw new Error("WebAssembly is disabled by policy");
    });
    expect(freshProbe()()).toBe(false);
  });
});
