;; Symmetric matrix-vector product for symmetricSpectrum's blocked Householder tridiagonalisation,
;; with WebAssembly 128-bit SIMD (two f64 lanes).
;;
;; symv(a, n, from, v, s): s[i] += sum_{j >= from} B[i][j] v[j] for from <= i < n, where B is the
;; trailing block of the row-major n x n matrix at byte address a, read from its upper triangle only
;; (B[i][j] = a[i*n + j] for j >= i, a[j*n + i] below). v and s are byte addresses of n doubles;
;; the caller zeroes s[from, n) first. Byte addresses need no alignment (unaligned v128 loads).
;;
;; Four rows at a time, as the JS fourRowSymmetricProduct: for each pair of columns j, j+1 to the
;; right of the 4 x 4 diagonal block, the four rows' values serve both the row sums (dot products
;; with v[j..j+1], four f64x2 accumulators) and the column update s[j..j+1] += sum_r a[r][j] v[r]
;; (one load and one store of s per four rows). 4 accumulators + 4 splatted v[r] + 4 row values
;; + v[j..j+1] + the s update = 14 live v128, within the 15 XMM registers V8 allocates on x64.
;; The two lanes of each accumulator (even and odd columns) are added at the end of the row block,
;; so sums are grouped differently from the sequential JS loop (rounding only).
(module
  (memory (export "memory") 1)
  (func (export "symv")
    (param $a i32) (param $n i32) (param $from i32) (param $v i32) (param $s i32)
    (local $rowBytes i32) (local $i i32) (local $j i32) (local $end i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32) (local $off i32)
    (local $v0 f64) (local $v1 f64) (local $v2 f64) (local $v3 f64)
    (local $a01 f64) (local $a02 f64) (local $a03 f64) (local $a12 f64) (local $a13 f64) (local $a23 f64)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64)
    (local $x f64) (local $vi f64) (local $si f64)
    (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128)
    (local $w0 v128) (local $w1 v128) (local $w2 v128) (local $w3 v128)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $vj v128)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $i (local.get $from))
    (block $doneQuads
      (loop $quads
        (br_if $doneQuads (i32.ge_s (i32.add (local.get $i) (i32.const 3)) (local.get $n)))
        ;; r0 = a + 8*(i*n + i): the diagonal entry of row i; r1..r3 the same column of rows i+1..i+3.
        (local.set $r0
          (i32.add (local.get $a)
            (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $i)) (i32.const 3))))
        (local.set $r1 (i32.add (local.get $r0) (local.get $rowBytes)))
        (local.set $r2 (i32.add (local.get $r1) (local.get $rowBytes)))
        (local.set $r3 (i32.add (local.get $r2) (local.get $rowBytes)))
        (local.set $off (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $v0 (f64.load offset=0 (local.get $off)))
        (local.set $v1 (f64.load offset=8 (local.get $off)))
        (local.set $v2 (f64.load offset=16 (local.get $off)))
        (local.set $v3 (f64.load offset=24 (local.get $off)))
        ;; The 4 x 4 diagonal block, from its upper triangle.
        (local.set $a01 (f64.load offset=8 (local.get $r0)))
        (local.set $a02 (f64.load offset=16 (local.get $r0)))
        (local.set $a03 (f64.load offset=24 (local.get $r0)))
        (local.set $a12 (f64.load offset=16 (local.get $r1)))
        (local.set $a13 (f64.load offset=24 (local.get $r1)))
        (local.set $a23 (f64.load offset=24 (local.get $r2)))
        (local.set $s0
          (f64.add
            (f64.add (f64.mul (f64.load (local.get $r0)) (local.get $v0)) (f64.mul (local.get $a01) (local.get $v1)))
            (f64.add (f64.mul (local.get $a02) (local.get $v2)) (f64.mul (local.get $a03) (local.get $v3)))))
        (local.set $s1
          (f64.add
            (f64.add (f64.mul (local.get $a01) (local.get $v0)) (f64.mul (f64.load offset=8 (local.get $r1)) (local.get $v1)))
            (f64.add (f64.mul (local.get $a12) (local.get $v2)) (f64.mul (local.get $a13) (local.get $v3)))))
        (local.set $s2
          (f64.add
            (f64.add (f64.mul (local.get $a02) (local.get $v0)) (f64.mul (local.get $a12) (local.get $v1)))
            (f64.add (f64.mul (f64.load offset=16 (local.get $r2)) (local.get $v2)) (f64.mul (local.get $a23) (local.get $v3)))))
        (local.set $s3
          (f64.add
            (f64.add (f64.mul (local.get $a03) (local.get $v0)) (f64.mul (local.get $a13) (local.get $v1)))
            (f64.add (f64.mul (local.get $a23) (local.get $v2)) (f64.mul (f64.load offset=24 (local.get $r3)) (local.get $v3)))))
        (local.set $w0 (f64x2.splat (local.get $v0)))
        (local.set $w1 (f64x2.splat (local.get $v1)))
        (local.set $w2 (f64x2.splat (local.get $v2)))
        (local.set $w3 (f64x2.splat (local.get $v3)))
        (local.set $acc0 (v128.const f64x2 0 0))
        (local.set $acc1 (v128.const f64x2 0 0))
        (local.set $acc2 (v128.const f64x2 0 0))
        (local.set $acc3 (v128.const f64x2 0 0))
        ;; off runs over byte offsets 8*(j - i) from j = i + 4 while j + 1 < n; end = 8*(n - i).
        (local.set $off (i32.const 32))
        (local.set $end (i32.shl (i32.sub (local.get $n) (local.get $i)) (i32.const 3)))
        ;; j here: 8*i, the byte offset of element i in v and s.
        (local.set $j (i32.shl (local.get $i) (i32.const 3)))
        (block $donePairs
          (loop $pairs
            (br_if $donePairs (i32.gt_u (i32.add (local.get $off) (i32.const 16)) (local.get $end)))
            (local.set $x0 (v128.load (i32.add (local.get $r0) (local.get $off))))
            (local.set $x1 (v128.load (i32.add (local.get $r1) (local.get $off))))
            (local.set $x2 (v128.load (i32.add (local.get $r2) (local.get $off))))
            (local.set $x3 (v128.load (i32.add (local.get $r3) (local.get $off))))
            (local.set $vj (v128.load (i32.add (i32.add (local.get $v) (local.get $j)) (local.get $off))))
            (local.set $acc0 (f64x2.add (local.get $acc0) (f64x2.mul (local.get $x0) (local.get $vj))))
            (local.set $acc1 (f64x2.add (local.get $acc1) (f64x2.mul (local.get $x1) (local.get $vj))))
            (local.set $acc2 (f64x2.add (local.get $acc2) (f64x2.mul (local.get $x2) (local.get $vj))))
            (local.set $acc3 (f64x2.add (local.get $acc3) (f64x2.mul (local.get $x3) (local.get $vj))))
            (v128.store (i32.add (i32.add (local.get $s) (local.get $j)) (local.get $off))
              (f64x2.add (v128.load (i32.add (i32.add (local.get $s) (local.get $j)) (local.get $off)))
                (f64x2.add
                  (f64x2.add (f64x2.mul (local.get $x0) (local.get $w0)) (f64x2.mul (local.get $x1) (local.get $w1)))
                  (f64x2.add (f64x2.mul (local.get $x2) (local.get $w2)) (f64x2.mul (local.get $x3) (local.get $w3))))))
            (local.set $off (i32.add (local.get $off) (i32.const 16)))
            (br $pairs)))
        ;; An odd column left over (n - i - 4 odd): the same sums in scalar.
        (if (i32.lt_u (local.get $off) (local.get $end))
          (then
            (local.set $vi (f64.load (i32.add (i32.add (local.get $v) (local.get $j)) (local.get $off))))
            (local.set $x (f64.load (i32.add (local.get $r0) (local.get $off))))
            (local.set $s0 (f64.add (local.get $s0) (f64.mul (local.get $x) (local.get $vi))))
            (local.set $si (f64.mul (local.get $x) (local.get $v0)))
            (local.set $x (f64.load (i32.add (local.get $r1) (local.get $off))))
            (local.set $s1 (f64.add (local.get $s1) (f64.mul (local.get $x) (local.get $vi))))
            (local.set $si (f64.add (local.get $si) (f64.mul (local.get $x) (local.get $v1))))
            (local.set $x (f64.load (i32.add (local.get $r2) (local.get $off))))
            (local.set $s2 (f64.add (local.get $s2) (f64.mul (local.get $x) (local.get $vi))))
            (local.set $si (f64.add (local.get $si) (f64.mul (local.get $x) (local.get $v2))))
            (local.set $x (f64.load (i32.add (local.get $r3) (local.get $off))))
            (local.set $s3 (f64.add (local.get $s3) (f64.mul (local.get $x) (local.get $vi))))
            (local.set $si (f64.add (local.get $si) (f64.mul (local.get $x) (local.get $v3))))
            (local.set $off (i32.add (i32.add (local.get $s) (local.get $j)) (local.get $off)))
            (f64.store (local.get $off) (f64.add (f64.load (local.get $off)) (local.get $si)))))
        ;; s[i..i+3] += the diagonal block's sums + both lanes of the row accumulators.
        (local.set $off (i32.add (local.get $s) (local.get $j)))
        (f64.store offset=0 (local.get $off)
          (f64.add (f64.load offset=0 (local.get $off))
            (f64.add (local.get $s0)
              (f64.add (f64x2.extract_lane 0 (local.get $acc0)) (f64x2.extract_lane 1 (local.get $acc0))))))
        (f64.store offset=8 (local.get $off)
          (f64.add (f64.load offset=8 (local.get $off))
            (f64.add (local.get $s1)
              (f64.add (f64x2.extract_lane 0 (local.get $acc1)) (f64x2.extract_lane 1 (local.get $acc1))))))
        (f64.store offset=16 (local.get $off)
          (f64.add (f64.load offset=16 (local.get $off))
            (f64.add (local.get $s2)
              (f64.add (f64x2.extract_lane 0 (local.get $acc2)) (f64x2.extract_lane 1 (local.get $acc2))))))
        (f64.store offset=24 (local.get $off)
          (f64.add (f64.load offset=24 (local.get $off))
            (f64.add (local.get $s3)
              (f64.add (f64x2.extract_lane 0 (local.get $acc3)) (f64x2.extract_lane 1 (local.get $acc3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $quads)))
    ;; The last rows (fewer than four), one at a time in scalar.
    (block $doneRows
      (loop $rows
        (br_if $doneRows (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $r0
          (i32.add (local.get $a)
            (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $i)) (i32.const 3))))
        (local.set $vi (f64.load (i32.add (local.get $v) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $si (f64.mul (f64.load (local.get $r0)) (local.get $vi)))
        (local.set $j (i32.add (local.get $i) (i32.const 1)))
        (block $doneColumns
          (loop $columns
            (br_if $doneColumns (i32.ge_s (local.get $j) (local.get $n)))
            (local.set $x
              (f64.load (i32.add (local.get $r0) (i32.shl (i32.sub (local.get $j) (local.get $i)) (i32.const 3)))))
            (local.set $si
              (f64.add (local.get $si)
                (f64.mul (local.get $x) (f64.load (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3)))))))
            (local.set $off (i32.add (local.get $s) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store (local.get $off) (f64.add (f64.load (local.get $off)) (f64.mul (local.get $x) (local.get $vi))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $columns)))
        (local.set $off (i32.add (local.get $s) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $off) (f64.add (f64.load (local.get $off)) (local.get $si)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))))
