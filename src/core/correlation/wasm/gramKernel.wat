;; Gram kernel for correlationByOverlap: the upper block-triangle of Zᵀ Z (or the cross product
;; Aᵀ B) of standardised columns, with WebAssembly 128-bit SIMD (two f64 lanes).
;;
;; Layout (chosen so the inner loop reads contiguous f64x2 streams): column k of a pack starts at
;; byte pack + 8·k·ld and holds ld doubles, rows t and t+1 sharing one v128. ld is even (an odd row
;; count is padded with a zero row), A has an even column count and B a multiple of 4 (padded with
;; zero columns), so the kernel has no remainder loops; padding adds exact zeros.
;;
;; Register tile: 2 columns of A × 4 columns of B = 8 f64x2 accumulators + 2 A values + 1 B value
;; + 1 product = 12 live v128, within the 15 XMM registers V8 allocates on x64 (xmm15 is its
;; scratch). Chosen by measurement, the Gram of 500 × 3,650 on the 2-core dev box (Node 20, one
;; generated kernel per shape): 2×4 47–49 ms, 4×2 49–54, 3×4 54–56, 2×3 55–58, 3×3 59–62,
;; 4×4 61–62, 2×6 60–63. f64x2.mul then f64x2.add (not relaxed FMA, which may be absent) rounds
;; each product once, as the JS kernel does.
;;
;; Cache blocks of 256 rows (2 KB per column; 128 rows measured slower, 512 no faster): the two A
;; columns of a block stay in L1 while the B columns of the block-row (≤ 1 MB for 500 columns)
;; stream from L2, as in packedCrossProduct.
;;
;; gram(a, b, colsA, colsB, ld, out, ldOut, upper): for columns i < colsA, j < colsB,
;; out[i·ldOut + j] += Σ_{t<ld} A_i[t] B_j[t]; when upper ≠ 0 (B is A) only j ≥ 4·floor(i/4), which covers
;; the upper triangle. Byte addresses a, b, out; ld and ldOut in doubles. The two lanes (even and
;; odd rows) are added once per row block and then to out, which the caller zeroes.
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
                  (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x0) (local.get $y))))
                  (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x1) (local.get $y))))
                  (local.set $y (v128.load (i32.add (local.get $pb1) (local.get $off))))
                  (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x0) (local.get $y))))
                  (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x1) (local.get $y))))
                  (local.set $y (v128.load (i32.add (local.get $pb2) (local.get $off))))
                  (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $x0) (local.get $y))))
                  (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $x1) (local.get $y))))
                  (local.set $y (v128.load (i32.add (local.get $pb3) (local.get $off))))
                  (local.set $c03 (f64x2.add (local.get $c03) (f64x2.mul (local.get $x0) (local.get $y))))
                  (local.set $c13 (f64x2.add (local.get $c13) (f64x2.mul (local.get $x1) (local.get $y))))
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
