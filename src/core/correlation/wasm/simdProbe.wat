;; Feature probe for WebAssembly 128-bit SIMD: validates only where the final SIMD opcodes
;; (v128.const, f64x2.mul, f64x2.add, f64x2.extract_lane, as the Gram kernel uses) are supported.
(module
  (func (result f64)
    (f64x2.extract_lane 0
      (f64x2.add (v128.const f64x2 1 2) (f64x2.mul (v128.const f64x2 3 4) (v128.const f64x2 5 6))))))
