;; Feature probe for WebAssembly relaxed SIMD: validates only where f64x2.relaxed_madd (as the
;; fused Gram kernel gramKernelFma.wat uses) is supported.
(module
  (func (result f64)
    (f64x2.extract_lane 0
      (f64x2.relaxed_madd (v128.const f64x2 3 4) (v128.const f64x2 5 6) (v128.const f64x2 1 2)))))
