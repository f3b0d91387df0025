import { spawnSync } from "node:child_process";
import { base64Bytes } from "../../../../src/core/correlation/wasm/base64Bytes";
import { gramKernelFmaWasm } from "../../../../src/core/correlation/wasm/gramKernelFmaWasm";
import { gramKernelWasm } from "../../../../src/core/correlation/wasm/gramKernelWasm";
import { simdRelaxedProbeWasm } from "../../../../src/core/correlation/wasm/simdRelaxedProbeWasm";
import { wasmRelaxedSimdAvailable } from "../../../../src/core/correlation/wasm/wasmRelaxedSimdAvailable";

/**
 * The fused Gram kernel (gramKernelFma.wat) runs only where relaxed SIMD validates: Chromium, not
 * Node 20 by default. So it is run here in a child Node with --experimental-wasm-relaxed-simd,
 * beside the plain kernel and a sequential JS sum of the same packs, with the kernel's calling
 * convention (column packs of ld doubles, A pairs of columns, B quads, the upper block-triangle).
 */
const CHILD = `
const [fma, plain] = JSON.parse(require("fs").readFileSync(0, "utf8")).map((b) => Buffer.from(b, "base64"));
const cols = 12, ld = 1030, rowsUsed = 1029;
let seed = 20261203;
const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
const packs = new Float64Array(cols * ld);
for (let k = 0; k < cols; k++) for (let t = 0; t < rowsUsed; t++) packs[k * ld + t] = next() * (k + 1);
function run(bytes, upper) {
  const { memory, gram } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
  memory.grow(Math.ceil((packs.byteLength + cols * cols * 8) / 65536));
  new Float64Array(memory.buffer, 0, packs.length).set(packs);
  const out = packs.byteLength;
  gram(0, 0, cols, cols, ld, out, cols, upper);
  return Array.from(new Float64Array(memory.buffer, out, cols * cols));
}
const reference = [];
const bounds = [];
for (let i = 0; i < cols; i++) for (let j = 0; j < cols; j++) {
  let sum = 0, normA = 0, normB = 0;
  for (let t = 0; t < ld; t++) {
    const a = packs[i * ld + t], b = packs[j * ld + t];
    sum += a * b; normA += a * a; normB += b * b;
  }
  reference.push(sum);
  bounds.push(ld * 2 ** -53 * Math.sqrt(normA * normB));
}
console.log(JSON.stringify({
  relaxed: WebAssembly.validate(fma),
  fma: [run(fma, 0), run(fma, 1)],
  plain: [run(plain, 0), run(plain, 1)],
  reference,
  bounds,
}));
`;

describe("gramKernelFma.wat (fused multiply-add Gram kernel)", () => {
  const child = spawnSync(process.execPath, ["--experimental-wasm-relaxed-simd", "-e", CHILD], {
    input: JSON.stringify([gramKernelFmaWasm, gramKernelWasm]),
    encoding: "utf8",
  });
  const result = child.status === 0 ? JSON.parse(child.stdout) : undefined;

  it("validates as relaxed SIMD and runs in a Node with the flag", () => {
    expect(child.stderr).toBe("");
    expect(result.relaxed).toBe(true);
  });

  it("is chosen exactly where the relaxed SIMD probe validates (this engine: the probe decides)", () => {
    const engineHasRelaxedSimd = WebAssembly.validate(base64Bytes(gramKernelFmaWasm));
    expect(wasmRelaxedSimdAvailable()).toBe(engineHasRelaxedSimd);
    expect(WebAssembly.validate(base64Bytes(simdRelaxedProbeWasm))).toBe(engineHasRelaxedSimd);
  });

  it("computes the cross products of the plain kernel, within rows · 2⁻⁵³ · ‖a‖‖b‖ of a sequential sum", () => {
    const { fma, plain, reference, bounds } = result as {
      fma: number[][];
      plain: number[][];
      reference: number[];
      bounds: number[];
    };
    for (const [variant, out] of [
      ["fma", fma[0]],
      ["plain", plain[0]],
    ] as const) {
      out.forEach((value, k) => {
        const error = Math.abs(value - reference[k]);
        if (error > bounds[k]) throw new Error(`${variant}[${k}] off by ${error} > ${bounds[k]}`);
      });
    }
    fma[0].forEach((value, k) =>
      expect(Math.abs(value - plain[0][k])).toBeLessThanOrEqual(2 * bounds[k])
    );
  });

  it("fills the upper block-triangle alone when asked (upper = 1), as the plain kernel does", () => {
    const { fma, plain } = result as { fma: number[][]; plain: number[][] };
    const cols = 12;
    for (let i = 0; i < cols; i++) {
      for (let j = 0; j < cols; j++) {
        const inUpperBlocks = j >= 4 * Math.floor(i / 4);
        const k = i * cols + j;
        if (inUpperBlocks) expect(fma[1][k]).toBe(fma[0][k]);
        else expect(fma[1][k]).toBe(0);
        expect(fma[1][k] === 0).toBe(plain[1][k] === 0);
      }
    }
  });
});
