;; Gram kernel with fused multiply-add: gramKernel.wat with each accumulation
;;   c := c + x * y   (f64x2.mul then f64x2.add, two roundings)
;; written as f64x2.relaxed_madd(x, y, c) from the relaxed SIMD proposal, which engines compile to
;; one FMA instruction where the CPU has one (V8 on x64 with FMA3, ARM64 always): one rounding
;; instead of two and one instruction instead of two in the inner loop. Relaxed SIMD lets an engine
;; without FMA compute mul then add instead, so a result is either exactly gramKernel.wat's or the
;; fused one; both are within the bound stated in simdGramWorkspace.ts.
;; Only used where wasmRelaxedSimdAvailable() says the engine validates relaxed SIMD (Chromium and
;; so WebView2 from version 114); elsewhere gramKernel.wat runs. Everything else (layout, tile,
;; cache blocks, the upper block-triangle) is gramKernel.wat's: see its comments.
(module
  (memory (export "memory") 1)
  (func (export "gram")
    (param $a i32) (param $b i32) (param $colsA i32) (param $colsB i32)
    (param $ld i32) (param $out i32) (param $ldOut i32) (param $upper i32)
    (local $colBytes i32) (local $rowBytes i32)
    (local $t0 i32) (local $t1 i32) (local $i i32) (local $j i32)
    (local $pa0 i32) (local $pa1 i32)
    (local $pb0 i32) (local $pb1 i32) (local $pb2 i32) (local $pb3 i32)
    (local $off i32) (local $o i32)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128) (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $c13 v128)
    (local $x0 v128) (local $x1 v128) (local $y v128)
    (local.set $colBytes (i32.shl (local.get $ld) (i32.const 3)))
    (local.set $rowBytes (i32.shl (local.get $ldOut) (i32.const 3)))
    (local.set $t0 (i32.const 0))
    (block $doneRows
      (loop $rowBlocks
        (br_if $doneRows (i32.ge_u (local.get $t0) (local.get $colBytes)))
        ;; t0, t1 are byte offsets within a column: 256 rows = 2048 bytes.
        (local.set $t1 (i32.add (local.get $t0) (i32.const 2048)))
        (if (i32.gt_u (local.get $t1) (local.get $colBytes))
          (then (local.set $t1 (local.get $colBytes))))
        (local.set $i (i32.const 0))
        (block $doneA
          (loop $pairsOfA
            (br_if $doneA (i32.ge_u (local.get $i) (local.get $colsA)))
            (local.set $pa0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $colBytes))))
            (local.set $pa1 (i32.add (local.get $pa0) (local.get $colBytes)))
            ;; Upper: start at the 4-column block holding column i.
            (local.set $j
              (select (i32.and (local.get $i) (i32.const -4)) (i32.const 0) (local.get $upper)))
            (block $doneB
              (loop $quadsOfB
                (br_if $doneB (i32.ge_u (local.get $j) (local.get $colsB)))
                (local.set $pb0 (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $colBytes))))
                (local.set $pb1 (i32.add (local.get $pb0) (local.get $colBytes)))
                (local.set $pb2 (i32.add (local.get $pb1) (local.get $colBytes)))
                (local.set $pb3 (i32.add (local.get $pb2) (local.get $colBytes)))
                (local.set $c00 (v128.const f64x2 0 0))
                (local.set $c01 (v128.const f64x2 0 0))
                (local.set $c02 (v128.const f64x2 0 0))
                (local.set $c03 (v128.const f64x2 0 0))
                (local.set $c10 (v128.const f64x2 0 0))
                (local.set $c11 (v128.const f64x2 0 0))
                (local.set $c12 (v128.const f64x2 0 0))
                (local.set $c13 (v128.const f64x2 0 0))
                (local.set $off (local.get $t0))
                ;; t0 < t1 here and both are multiples of 16, so the body runs at least once.
                (loop $rowsOfBlock
                  (local.set $x0 (v128.load (i32.add (local.get $pa0) (local.get $off))))
                  (local.set $x1 (v128.load (i32.add (local.get $pa1) (local.get $off))))
                  (local.set $y (v128.load (i32.add (local.get $pb0) (local.get $off))))
                  (local.set $c00 (f64x2.relaxed_madd (local.get $x0) (local.get $y) (local.get $c00)))
                  (local.set $c10 (f64x2.relaxed_madd (local.get $x1) (local.get $y) (local.get $c10)))
                  (local.set $y (v128.load (i32.add (local.get $pb1) (local.get $off))))
                  (local.set $c01 (f64x2.relaxed_madd (local.get $x0) (local.get $y) (local.get $c01)))
                  (local.set $c11 (f64x2.relaxed_madd (local.get $x1) (local.get $y) (local.get $c11)))
                  (local.set $y (v128.load (i32.add (local.get $pb2) (local.get $off))))
                  (local.set $c02 (f64x2.relaxed_madd (local.get $x0) (local.get $y) (local.get $c02)))
                  (local.set $c12 (f64x2.relaxed_madd (local.get $x1) (local.get $y) (local.get $c12)))
                  (local.set $y (v128.load (i32.add (local.get $pb3) (local.get $off))))
                  (local.set $c03 (f64x2.relaxed_madd (local.get $x0) (local.get $y) (local.get $c03)))
                  (local.set $c13 (f64x2.relaxed_madd (local.get $x1) (local.get $y) (local.get $c13)))
                  (local.set $off (i32.add (local.get $off) (i32.const 16)))
                  (br_if $rowsOfBlock (i32.lt_u (local.get $off) (local.get $t1))))
                ;; o = out + 8·(i·ldOut + j)
                (local.set $o
                  (i32.add (local.get $out)
                    (i32.add (i32.mul (local.get $i) (local.get $rowBytes))
                      (i32.shl (local.get $j) (i32.const 3)))))
                (f64.store offset=0 (local.get $o)
                  (f64.add (f64.load offset=0 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c00)) (f64x2.extract_lane 1 (local.get $c00)))))
                (f64.store offset=8 (local.get $o)
                  (f64.add (f64.load offset=8 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c01)) (f64x2.extract_lane 1 (local.get $c01)))))
                (f64.store offset=16 (local.get $o)
                  (f64.add (f64.load offset=16 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c02)) (f64x2.extract_lane 1 (local.get $c02)))))
                (f64.store offset=24 (local.get $o)
                  (f64.add (f64.load offset=24 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c03)) (f64x2.extract_lane 1 (local.get $c03)))))
                (local.set $o (i32.add (local.get $o) (local.get $rowBytes)))
                (f64.store offset=0 (local.get $o)
                  (f64.add (f64.load offset=0 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c10)) (f64x2.extract_lane 1 (local.get $c10)))))
                (f64.store offset=8 (local.get $o)
                  (f64.add (f64.load offset=8 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c11)) (f64x2.extract_lane 1 (local.get $c11)))))
                (f64.store offset=16 (local.get $o)
                  (f64.add (f64.load offset=16 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c12)) (f64x2.extract_lane 1 (local.get $c12)))))
                (f64.store offset=24 (local.get $o)
                  (f64.add (f64.load offset=24 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c13)) (f64x2.extract_lane 1 (local.get $c13)))))
                (local.set $j (i32.add (local.get $j) (i32.const 4)))
                (br $quadsOfB)))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $pairsOfA)))
        (local.set $t0 (local.get $t1))
        (br $rowBlocks)))))
