;; Kernels of symmetricSpectrum's blocked Householder tridiagonalisation (LAPACK dsytrd/dlatrd),
;; with WebAssembly 128-bit SIMD (two f64 lanes). All addresses are byte addresses into this
;; module's memory and need no alignment (unaligned v128 loads); n is the matrix stride in doubles.
;; Sums are grouped differently from the sequential JS loops (two lanes, blocks), so results differ
;; by rounding only.
;;
;; symv(a, n, from, v, s): s[i] += sum_{j >= from} B[i][j] v[j] for from <= i < n, where B is the
;; trailing block of the row-major n x n matrix a, read from its upper triangle only (B[i][j] =
;; a[i*n + j] for j >= i, a[j*n + i] below). The caller zeroes s[from, n) first.
;; Four rows at a time, as the JS fourRowSymmetricProduct was: for each pair of columns j, j+1 to
;; the right of the 4 x 4 diagonal block, the four rows' values serve both the row sums (dot
;; products with v[j..j+1], four f64x2 accumulators) and the column update s[j..j+1] += sum_r
;; a[r][j] v[r] (one load and one store of s per four rows). 4 accumulators + 4 splatted v[r] + 4
;; row values + v[j..j+1] + the s update = 14 live v128, within the 15 XMM registers V8 allocates
;; on x64. The lanes of each accumulator (even and odd columns) are added at the end of the block.
;;
;; rowUpdate(row, vs, ws, n, c, k): row[j] -= sum_{q<c} (vs_q[k] ws_q[j] + ws_q[k] vs_q[j]) for
;; k <= j < n, where vs_q = vs + 8*q*n (column q of the panel's V, indexed like the matrix) and
;; likewise ws_q: row k of the matrix (row = its address) brought up to date with the panel's
;; first c reflectors. Columns in pairs, the q sum in one f64x2 accumulator, then one subtraction.
;;
;; panelCorrection(vs, ws, n, c, from, v, p, dots): p[j] -= sum_{q<c} (vs_q[j] (ws_q . v) +
;; ws_q[j] (vs_q . v)) for from <= j < n, the dot products over from ... n - 1; dots (2c doubles)
;; is scratch for them.
;;
;; syr2k(a, n, from, m, packA, packB, ld): a[(from+i)*n + from+j] -= sum_{t<ld} A_i[t] B_j[t] for
;; 0 <= i <= j < m (the upper triangle of the trailing block only), A_i = packA + 8*i*ld, B_j
;; likewise; ld even, and both packs hold roundUp(m, 4) rows (zeros past m: the tiles read them).
;; Register tile as gramKernel.wat: 2 rows i x 4 columns j = 8 f64x2 accumulators over t, lanes
;; added once per tile; entries of a tile outside 0 <= i <= j < m are computed but not written.
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
        (br $rows))))

  (func (export "rowUpdate")
    (param $row i32) (param $vs i32) (param $ws i32) (param $n i32) (param $c i32) (param $k i32)
    (local $colBytes i32) (local $j i32) (local $end i32) (local $q i32) (local $qEnd i32)
    (local $kOff i32) (local $acc v128) (local $x f64)
    (local.set $colBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $kOff (i32.shl (local.get $k) (i32.const 3)))
    (local.set $end (local.get $colBytes))
    (local.set $qEnd (i32.mul (local.get $c) (local.get $colBytes)))
    ;; j and q are byte offsets: j into a row or column, q = 8*q*n to column q of vs and ws.
    (local.set $j (local.get $kOff))
    (block $donePairs
      (loop $pairs
        (br_if $donePairs (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $end)))
        (local.set $acc (v128.const f64x2 0 0))
        (local.set $q (i32.const 0))
        (block $doneQ
          (loop $reflectors
            (br_if $doneQ (i32.ge_u (local.get $q) (local.get $qEnd)))
            (local.set $acc
              (f64x2.add (local.get $acc)
                (f64x2.add
                  (f64x2.mul
                    (v128.load64_splat (i32.add (i32.add (local.get $vs) (local.get $q)) (local.get $kOff)))
                    (v128.load (i32.add (i32.add (local.get $ws) (local.get $q)) (local.get $j))))
                  (f64x2.mul
                    (v128.load64_splat (i32.add (i32.add (local.get $ws) (local.get $q)) (local.get $kOff)))
                    (v128.load (i32.add (i32.add (local.get $vs) (local.get $q)) (local.get $j)))))))
            (local.set $q (i32.add (local.get $q) (local.get $colBytes)))
            (br $reflectors)))
        (v128.store (i32.add (local.get $row) (local.get $j))
          (f64x2.sub (v128.load (i32.add (local.get $row) (local.get $j))) (local.get $acc)))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pairs)))
    ;; An odd column left over: the same sum in scalar.
    (if (i32.lt_u (local.get $j) (local.get $end))
      (then
        (local.set $x (f64.const 0))
        (local.set $q (i32.const 0))
        (block $doneTail
          (loop $tail
            (br_if $doneTail (i32.ge_u (local.get $q) (local.get $qEnd)))
            (local.set $x
              (f64.add (local.get $x)
                (f64.add
                  (f64.mul
                    (f64.load (i32.add (i32.add (local.get $vs) (local.get $q)) (local.get $kOff)))
                    (f64.load (i32.add (i32.add (local.get $ws) (local.get $q)) (local.get $j))))
                  (f64.mul
                    (f64.load (i32.add (i32.add (local.get $ws) (local.get $q)) (local.get $kOff)))
                    (f64.load (i32.add (i32.add (local.get $vs) (local.get $q)) (local.get $j)))))))
            (local.set $q (i32.add (local.get $q) (local.get $colBytes)))
            (br $tail)))
        (f64.store (i32.add (local.get $row) (local.get $j))
          (f64.sub (f64.load (i32.add (local.get $row) (local.get $j))) (local.get $x))))))

  (func (export "panelCorrection")
    (param $vs i32) (param $ws i32) (param $n i32) (param $c i32) (param $from i32)
    (param $v i32) (param $p i32) (param $dots i32)
    (local $colBytes i32) (local $j i32) (local $start i32) (local $end i32) (local $q i32)
    (local $qEnd i32) (local $d i32) (local $accW v128) (local $accV v128) (local $acc v128)
    (local $x v128) (local $wv f64) (local $vv f64) (local $y f64)
    (local.set $colBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $start (i32.shl (local.get $from) (i32.const 3)))
    (local.set $end (local.get $colBytes))
    (local.set $qEnd (i32.mul (local.get $c) (local.get $colBytes)))
    ;; Pass 1: dots[2q] = ws_q . v, dots[2q + 1] = vs_q . v over from ... n - 1.
    (local.set $q (i32.const 0))
    (local.set $d (local.get $dots))
    (block $doneDots
      (loop $dotsOfQ
        (br_if $doneDots (i32.ge_u (local.get $q) (local.get $qEnd)))
        (local.set $accW (v128.const f64x2 0 0))
        (local.set $accV (v128.const f64x2 0 0))
        (local.set $j (local.get $start))
        (block $donePairs
          (loop $pairs
            (br_if $donePairs (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $end)))
            (local.set $x (v128.load (i32.add (local.get $v) (local.get $j))))
            (local.set $accW
              (f64x2.add (local.get $accW)
                (f64x2.mul (v128.load (i32.add (i32.add (local.get $ws) (local.get $q)) (local.get $j))) (local.get $x))))
            (local.set $accV
              (f64x2.add (local.get $accV)
                (f64x2.mul (v128.load (i32.add (i32.add (local.get $vs) (local.get $q)) (local.get $j))) (local.get $x))))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $pairs)))
        (local.set $wv (f64.add (f64x2.extract_lane 0 (local.get $accW)) (f64x2.extract_lane 1 (local.get $accW))))
        (local.set $vv (f64.add (f64x2.extract_lane 0 (local.get $accV)) (f64x2.extract_lane 1 (local.get $accV))))
        (if (i32.lt_u (local.get $j) (local.get $end))
          (then
            (local.set $y (f64.load (i32.add (local.get $v) (local.get $j))))
            (local.set $wv
              (f64.add (local.get $wv)
                (f64.mul (f64.load (i32.add (i32.add (local.get $ws) (local.get $q)) (local.get $j))) (local.get $y))))
            (local.set $vv
              (f64.add (local.get $vv)
                (f64.mul (f64.load (i32.add (i32.add (local.get $vs) (local.get $q)) (local.get $j))) (local.get $y))))))
        (f64.store offset=0 (local.get $d) (local.get $wv))
        (f64.store offset=8 (local.get $d) (local.get $vv))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (local.set $q (i32.add (local.get $q) (local.get $colBytes)))
        (br $dotsOfQ)))
    ;; Pass 2: p[j] -= sum_q (vs_q[j] dots[2q] + ws_q[j] dots[2q + 1]), columns in pairs.
    (local.set $j (local.get $start))
    (block $donePairs2
      (loop $pairs2
        (br_if $donePairs2 (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $end)))
        (local.set $acc (v128.const f64x2 0 0))
        (local.set $q (i32.const 0))
        (local.set $d (local.get $dots))
        (block $doneQ
          (loop $reflectors
            (br_if $doneQ (i32.ge_u (local.get $q) (local.get $qEnd)))
            (local.set $acc
              (f64x2.add (local.get $acc)
                (f64x2.add
                  (f64x2.mul
                    (v128.load (i32.add (i32.add (local.get $vs) (local.get $q)) (local.get $j)))
                    (v128.load64_splat offset=0 (local.get $d)))
                  (f64x2.mul
                    (v128.load (i32.add (i32.add (local.get $ws) (local.get $q)) (local.get $j)))
                    (v128.load64_splat offset=8 (local.get $d))))))
            (local.set $d (i32.add (local.get $d) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (local.get $colBytes)))
            (br $reflectors)))
        (v128.store (i32.add (local.get $p) (local.get $j))
          (f64x2.sub (v128.load (i32.add (local.get $p) (local.get $j))) (local.get $acc)))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pairs2)))
    (if (i32.lt_u (local.get $j) (local.get $end))
      (then
        (local.set $y (f64.const 0))
        (local.set $q (i32.const 0))
        (local.set $d (local.get $dots))
        (block $doneTail
          (loop $tail
            (br_if $doneTail (i32.ge_u (local.get $q) (local.get $qEnd)))
            (local.set $y
              (f64.add (local.get $y)
                (f64.add
                  (f64.mul
                    (f64.load (i32.add (i32.add (local.get $vs) (local.get $q)) (local.get $j)))
                    (f64.load offset=0 (local.get $d)))
                  (f64.mul
                    (f64.load (i32.add (i32.add (local.get $ws) (local.get $q)) (local.get $j)))
                    (f64.load offset=8 (local.get $d))))))
            (local.set $d (i32.add (local.get $d) (i32.const 16)))
            (local.set $q (i32.add (local.get $q) (local.get $colBytes)))
            (br $tail)))
        (f64.store (i32.add (local.get $p) (local.get $j))
          (f64.sub (f64.load (i32.add (local.get $p) (local.get $j))) (local.get $y))))))

  (func (export "syr2k")
    (param $a i32) (param $n i32) (param $from i32) (param $m i32) (param $packA i32)
    (param $packB i32) (param $ld i32)
    (local $colBytes i32) (local $rowBytes i32) (local $i i32) (local $j i32)
    (local $pa0 i32) (local $pa1 i32) (local $pb0 i32) (local $pb1 i32) (local $pb2 i32) (local $pb3 i32)
    (local $off i32) (local $o i32)
    (local $c00 v128) (local $c01 v128) (local $c02 v128) (local $c03 v128) (local $c10 v128) (local $c11 v128) (local $c12 v128) (local $c13 v128)
    (local $x0 v128) (local $x1 v128) (local $y v128)
    (local.set $colBytes (i32.shl (local.get $ld) (i32.const 3)))
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $i (i32.const 0))
    (block $doneA
      (loop $pairsOfA
        (br_if $doneA (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $pa0 (i32.add (local.get $packA) (i32.mul (local.get $i) (local.get $colBytes))))
        (local.set $pa1 (i32.add (local.get $pa0) (local.get $colBytes)))
        ;; The 4-column block holding column i: every tile on or right of the diagonal.
        (local.set $j (i32.and (local.get $i) (i32.const -4)))
        (block $doneB
          (loop $quadsOfB
            (br_if $doneB (i32.ge_u (local.get $j) (local.get $m)))
            (local.set $pb0 (i32.add (local.get $packB) (i32.mul (local.get $j) (local.get $colBytes))))
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
            (local.set $off (i32.const 0))
            ;; ld >= 2 and even, so the body runs at least once.
            (loop $terms
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
              (br_if $terms (i32.lt_u (local.get $off) (local.get $colBytes))))
            ;; o = a + 8*((from + i)*n + from + j): entry (i, j) of the trailing block.
            (local.set $o
              (i32.add (local.get $a)
                (i32.shl
                  (i32.add
                    (i32.mul (i32.add (local.get $from) (local.get $i)) (local.get $n))
                    (i32.add (local.get $from) (local.get $j)))
                  (i32.const 3))))
            (call $subtractRow (local.get $o) (local.get $i) (local.get $j) (local.get $m)
              (local.get $c00) (local.get $c01) (local.get $c02) (local.get $c03))
            (if (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $m))
              (then
                (call $subtractRow (i32.add (local.get $o) (local.get $rowBytes))
                  (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $m)
                  (local.get $c10) (local.get $c11) (local.get $c12) (local.get $c13))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $quadsOfB)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $pairsOfA))))

  ;; One row of a tile: a[o + 8t] -= lane0 + lane1 of c_t for the t < 4 with i <= j + t < m.
  (func $subtractRow
    (param $o i32) (param $i i32) (param $j i32) (param $m i32)
    (param $c0 v128) (param $c1 v128) (param $c2 v128) (param $c3 v128)
    (if (i32.and (i32.le_u (local.get $i) (local.get $j)) (i32.lt_u (local.get $j) (local.get $m)))
      (then
        (f64.store offset=0 (local.get $o)
          (f64.sub (f64.load offset=0 (local.get $o))
            (f64.add (f64x2.extract_lane 0 (local.get $c0)) (f64x2.extract_lane 1 (local.get $c0)))))))
    (local.set $j (i32.add (local.get $j) (i32.const 1)))
    (if (i32.and (i32.le_u (local.get $i) (local.get $j)) (i32.lt_u (local.get $j) (local.get $m)))
      (then
        (f64.store offset=8 (local.get $o)
          (f64.sub (f64.load offset=8 (local.get $o))
            (f64.add (f64x2.extract_lane 0 (local.get $c1)) (f64x2.extract_lane 1 (local.get $c1)))))))
    (local.set $j (i32.add (local.get $j) (i32.const 1)))
    (if (i32.and (i32.le_u (local.get $i) (local.get $j)) (i32.lt_u (local.get $j) (local.get $m)))
      (then
        (f64.store offset=16 (local.get $o)
          (f64.sub (f64.load offset=16 (local.get $o))
            (f64.add (f64x2.extract_lane 0 (local.get $c2)) (f64x2.extract_lane 1 (local.get $c2)))))))
    (local.set $j (i32.add (local.get $j) (i32.const 1)))
    (if (i32.and (i32.le_u (local.get $i) (local.get $j)) (i32.lt_u (local.get $j) (local.get $m)))
      (then
        (f64.store offset=24 (local.get $o)
          (f64.sub (f64.load offset=24 (local.get $o))
            (f64.add (f64x2.extract_lane 0 (local.get $c3)) (f64x2.extract_lane 1 (local.get $c3))))))))
)
