;; Gram kernel for correlationByOverlap: the upper block-triangle of Zᵀ Z (or the cross product
;; Aᵀ B) of standardised columns, with WebAssembly 128-bit SIMD (two f64 lanes).
;;
;; Layout (chosen so the inner loop reads contiguous f64x2 streams): column k of a pack starts at
;; byte pack + 8·k·ld and holds ld doubles, rows t and t+1 sharing one v128. ld is even (the caller
;; pads an odd row count with a zero row) and the column count is a multiple of 3 (the caller pads
;; with zero columns), so the kernel has no remainder loops; zeros add exact zeros.
;;
;; Register tile: 3 × 3 columns, 9 f64x2 accumulators + 3 A values + 1 B value + 1 product = 14 live
;; v128, within the 15 XMM registers V8 allocates on x64 (xmm15 is its scratch), so nothing spills.
;; A 4 × 4 tile would need 16 accumulators and spill. f64x2.mul then f64x2.add (not relaxed FMA,
;; which may be absent) keeps each product rounded once, as in the scalar JS kernel.
;;
;; Cache blocks of 256 rows (2 KB per column): the three A columns of a block (6 KB) stay in L1
;; while the B columns of the block-row (≤ 1 MB for 500 columns) stream from L2, as in
;; packedCrossProduct.
;;
;; gram(a, b, blocksA, blocksB, ld, out, ldOut, upper): for 3-column blocks ia < blocksA and
;; ib < blocksB (ib ≥ ia when upper ≠ 0), out[(3ia+p)·ldOut + 3ib+q] += Σ_t A_{3ia+p}[t] B_{3ib+q}[t].
;; Byte addresses a, b, out; ld and ldOut in doubles. Each lane pair is summed (even + odd rows)
;; once per row block and added to out, which the caller zeroes.
(module
  (memory (export "memory") 1)
  (func (export "gram")
    (param $a i32) (param $b i32) (param $blocksA i32) (param $blocksB i32)
    (param $ld i32) (param $out i32) (param $ldOut i32) (param $upper i32)
    (local $colBytes i32) (local $blockBytes i32) (local $rowBytes i32)
    (local $t0 i32) (local $t1 i32) (local $ia i32) (local $ib i32)
    (local $pa0 i32) (local $pa1 i32) (local $pa2 i32)
    (local $pb0 i32) (local $pb1 i32) (local $pb2 i32)
    (local $off i32) (local $o i32)
    (local $c00 v128) (local $c01 v128) (local $c02 v128)
    (local $c10 v128) (local $c11 v128) (local $c12 v128)
    (local $c20 v128) (local $c21 v128) (local $c22 v128)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $y v128)
    (local.set $colBytes (i32.shl (local.get $ld) (i32.const 3)))
    (local.set $blockBytes (i32.mul (local.get $colBytes) (i32.const 3)))
    (local.set $rowBytes (i32.shl (local.get $ldOut) (i32.const 3)))
    (local.set $t0 (i32.const 0))
    (block $doneRows
      (loop $rowBlocks
        (br_if $doneRows (i32.ge_u (local.get $t0) (local.get $colBytes)))
        ;; t0, t1 are byte offsets within a column: 256 rows = 2048 bytes.
        (local.set $t1 (i32.add (local.get $t0) (i32.const 2048)))
        (if (i32.gt_u (local.get $t1) (local.get $colBytes))
          (then (local.set $t1 (local.get $colBytes))))
        (local.set $ia (i32.const 0))
        (block $doneA
          (loop $blocksOfA
            (br_if $doneA (i32.ge_u (local.get $ia) (local.get $blocksA)))
            (local.set $pa0
              (i32.add (local.get $a) (i32.mul (local.get $ia) (local.get $blockBytes))))
            (local.set $pa1 (i32.add (local.get $pa0) (local.get $colBytes)))
            (local.set $pa2 (i32.add (local.get $pa1) (local.get $colBytes)))
            (local.set $ib (select (local.get $ia) (i32.const 0) (local.get $upper)))
            (block $doneB
              (loop $blocksOfB
                (br_if $doneB (i32.ge_u (local.get $ib) (local.get $blocksB)))
                (local.set $pb0
                  (i32.add (local.get $b) (i32.mul (local.get $ib) (local.get $blockBytes))))
                (local.set $pb1 (i32.add (local.get $pb0) (local.get $colBytes)))
                (local.set $pb2 (i32.add (local.get $pb1) (local.get $colBytes)))
                (local.set $c00 (v128.const f64x2 0 0))
                (local.set $c01 (v128.const f64x2 0 0))
                (local.set $c02 (v128.const f64x2 0 0))
                (local.set $c10 (v128.const f64x2 0 0))
                (local.set $c11 (v128.const f64x2 0 0))
                (local.set $c12 (v128.const f64x2 0 0))
                (local.set $c20 (v128.const f64x2 0 0))
                (local.set $c21 (v128.const f64x2 0 0))
                (local.set $c22 (v128.const f64x2 0 0))
                (local.set $off (local.get $t0))
                ;; t0 < t1 here and both are multiples of 16, so the loop body runs at least once.
                (loop $rowsOfBlock
                  (local.set $x0 (v128.load (i32.add (local.get $pa0) (local.get $off))))
                  (local.set $x1 (v128.load (i32.add (local.get $pa1) (local.get $off))))
                  (local.set $x2 (v128.load (i32.add (local.get $pa2) (local.get $off))))
                  (local.set $y (v128.load (i32.add (local.get $pb0) (local.get $off))))
                  (local.set $c00 (f64x2.add (local.get $c00) (f64x2.mul (local.get $x0) (local.get $y))))
                  (local.set $c10 (f64x2.add (local.get $c10) (f64x2.mul (local.get $x1) (local.get $y))))
                  (local.set $c20 (f64x2.add (local.get $c20) (f64x2.mul (local.get $x2) (local.get $y))))
                  (local.set $y (v128.load (i32.add (local.get $pb1) (local.get $off))))
                  (local.set $c01 (f64x2.add (local.get $c01) (f64x2.mul (local.get $x0) (local.get $y))))
                  (local.set $c11 (f64x2.add (local.get $c11) (f64x2.mul (local.get $x1) (local.get $y))))
                  (local.set $c21 (f64x2.add (local.get $c21) (f64x2.mul (local.get $x2) (local.get $y))))
                  (local.set $y (v128.load (i32.add (local.get $pb2) (local.get $off))))
                  (local.set $c02 (f64x2.add (local.get $c02) (f64x2.mul (local.get $x0) (local.get $y))))
                  (local.set $c12 (f64x2.add (local.get $c12) (f64x2.mul (local.get $x1) (local.get $y))))
                  (local.set $c22 (f64x2.add (local.get $c22) (f64x2.mul (local.get $x2) (local.get $y))))
                  (local.set $off (i32.add (local.get $off) (i32.const 16)))
                  (br_if $rowsOfBlock (i32.lt_u (local.get $off) (local.get $t1))))
                ;; o = out + 8·(3·ia·ldOut + 3·ib)
                (local.set $o
                  (i32.add (local.get $out)
                    (i32.add (i32.mul (local.get $ia) (i32.mul (local.get $rowBytes) (i32.const 3)))
                      (i32.mul (local.get $ib) (i32.const 24)))))
                (f64.store offset=0 (local.get $o)
                  (f64.add (f64.load offset=0 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c00)) (f64x2.extract_lane 1 (local.get $c00)))))
                (f64.store offset=8 (local.get $o)
                  (f64.add (f64.load offset=8 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c01)) (f64x2.extract_lane 1 (local.get $c01)))))
                (f64.store offset=16 (local.get $o)
                  (f64.add (f64.load offset=16 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c02)) (f64x2.extract_lane 1 (local.get $c02)))))
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
                (local.set $o (i32.add (local.get $o) (local.get $rowBytes)))
                (f64.store offset=0 (local.get $o)
                  (f64.add (f64.load offset=0 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c20)) (f64x2.extract_lane 1 (local.get $c20)))))
                (f64.store offset=8 (local.get $o)
                  (f64.add (f64.load offset=8 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c21)) (f64x2.extract_lane 1 (local.get $c21)))))
                (f64.store offset=16 (local.get $o)
                  (f64.add (f64.load offset=16 (local.get $o))
                    (f64.add (f64x2.extract_lane 0 (local.get $c22)) (f64x2.extract_lane 1 (local.get $c22)))))
                (local.set $ib (i32.add (local.get $ib) (i32.const 1)))
                (br $blocksOfB)))
            (local.set $ia (i32.add (local.get $ia) (i32.const 1)))
            (br $blocksOfA)))
        (local.set $t0 (local.get $t1))
        (br $rowBlocks)))))
