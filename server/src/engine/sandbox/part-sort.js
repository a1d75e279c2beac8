// Pico prelude part 'sort': Array.prototype.sort/toSorted and %TypedArray%.prototype.sort/toSorted with a comparison
// function, as V8 (Node 20) runs them: the same calls of the comparator in the same order, so that a comparator that is
// not consistent (`(a, b) => a < b ? 1 : -1` on mixed values), or one with side effects, gives Node's result.
// QuickJS's own sort is kept when there is no comparator: its result is then the same as any stable sort's; and for
// more than `MAX_PORTED` elements, where the port (interpreted, where QuickJS's is native) would cost several times as
// much: a consistent comparator then gives the same result, only the order of its calls differs from Node's.
//
// Arrays: a port of V8's TimSort (third_party/v8/builtins/array-sort.tq, itself CPython's listsort), as Node 20's
// V8 11.3 has it (binary insertion sort only within runs: no separate path for short arrays). Typed arrays: V8's
// merge sort (builtins/typed-array-sort.tq).

/** @param {any} I the prelude's part registry */
export default function (I) {
  const MIN_GALLOP = 7;
  const MAX_PORTED = 2048;
  /** @param {Function} cmp */
  const comparer = (cmp) => (/** @type {unknown} */ x, /** @type {unknown} */ y) => {
    const v = +cmp(x, y);
    return v !== v ? 0 : v;
  };

  /** Sorts `work` in place with TimSort, calling `compare` as V8 does. @param {unknown[]} work @param {(x: unknown, y: unknown) => number} compare */
  function timSort(work, compare) {
    const length = work.length;
    if (length < 2) return;
    let minGallop = MIN_GALLOP;
    /** @type {unknown[]} */
    let temp = [];
    /** @type {number[]} */
    const runBase = [];
    /** @type {number[]} */
    const runLength = [];

    function binaryInsertionSort(/** @type {number} */ low, /** @type {number} */ startArg, /** @type {number} */ high) {
      let start = low === startArg ? startArg + 1 : startArg;
      for (; start < high; ++start) {
        let left = low;
        let right = start;
        const pivot = work[right];
        while (left < right) {
          const mid = left + ((right - left) >> 1);
          if (compare(pivot, work[mid]) < 0) right = mid;
          else left = mid + 1;
        }
        for (let p = start; p > left; --p) work[p] = work[p - 1];
        work[left] = pivot;
      }
    }
    function countAndMakeRun(/** @type {number} */ lowArg, /** @type {number} */ high) {
      const low = lowArg + 1;
      if (low === high) return 1;
      let runLen = 2;
      const elementLow = work[low];
      let order = compare(elementLow, work[low - 1]);
      const isDescending = order < 0;
      let previous = elementLow;
      for (let idx = low + 1; idx < high; ++idx) {
        const current = work[idx];
        order = compare(current, previous);
        if (isDescending) { if (order >= 0) break; } else if (order < 0) break;
        previous = current;
        ++runLen;
      }
      if (isDescending) {
        let lo = lowArg, hi = lowArg + runLen - 1;
        while (lo < hi) { const t = work[lo]; work[lo++] = work[hi]; work[hi--] = t; }
      }
      return runLen;
    }
    /** @param {unknown[]} array @param {unknown} key @param {number} base @param {number} len @param {number} hint */
    function gallopLeft(array, key, base, len, hint) {
      let lastOfs = 0, offset = 1;
      let order = compare(array[base + hint], key);
      if (order < 0) {
        const maxOfs = len - hint;
        while (offset < maxOfs) {
          order = compare(array[base + hint + offset], key);
          if (order >= 0) break;
          lastOfs = offset;
          offset = (offset << 1) + 1;
          if (offset <= 0) offset = maxOfs;
        }
        if (offset > maxOfs) offset = maxOfs;
        lastOfs += hint;
        offset += hint;
      } else {
        const maxOfs = hint + 1;
        while (offset < maxOfs) {
          order = compare(array[base + hint - offset], key);
          if (order < 0) break;
          lastOfs = offset;
          offset = (offset << 1) + 1;
          if (offset <= 0) offset = maxOfs;
        }
        if (offset > maxOfs) offset = maxOfs;
        const tmp = lastOfs;
        lastOfs = hint - offset;
        offset = hint - tmp;
      }
      lastOfs++;
      while (lastOfs < offset) {
        const m = lastOfs + ((offset - lastOfs) >> 1);
        if (compare(array[base + m], key) < 0) lastOfs = m + 1;
        else offset = m;
      }
      return offset;
    }
    /** @param {unknown[]} array @param {unknown} key @param {number} base @param {number} len @param {number} hint */
    function gallopRight(array, key, base, len, hint) {
      let lastOfs = 0, offset = 1;
      let order = compare(key, array[base + hint]);
      if (order < 0) {
        const maxOfs = hint + 1;
        while (offset < maxOfs) {
          order = compare(key, array[base + hint - offset]);
          if (order >= 0) break;
          lastOfs = offset;
          offset = (offset << 1) + 1;
          if (offset <= 0) offset = maxOfs;
        }
        if (offset > maxOfs) offset = maxOfs;
        const tmp = lastOfs;
        lastOfs = hint - offset;
        offset = hint - tmp;
      } else {
        const maxOfs = len - hint;
        while (offset < maxOfs) {
          order = compare(key, array[base + hint + offset]);
          if (order < 0) break;
          lastOfs = offset;
          offset = (offset << 1) + 1;
          if (offset <= 0) offset = maxOfs;
        }
        if (offset > maxOfs) offset = maxOfs;
        lastOfs += hint;
        offset += hint;
      }
      lastOfs++;
      while (lastOfs < offset) {
        const m = lastOfs + ((offset - lastOfs) >> 1);
        if (compare(key, array[base + m]) < 0) offset = m;
        else lastOfs = m + 1;
      }
      return offset;
    }
    /**
     * The scratch array (V8's GetTempArray), grown by starting a new one: it is then filled from index 0 up, which keeps
     * it one of QuickJS's fast arrays (an array made with `new Array(n)` is not).
     */
    const tempFor = (/** @type {number} */ size) => (temp.length >= size ? temp : []);
    /** Copies as V8's Copy builtin does (from the back when moving right). */
    function copy(/** @type {unknown[]} */ source, /** @type {number} */ srcPos, /** @type {unknown[]} */ target, /** @type {number} */ dstPos, /** @type {number} */ len) {
      if (srcPos < dstPos) for (let s = srcPos + len - 1, d = dstPos + len - 1; s >= srcPos;) target[d--] = source[s--];
      else for (let s = srcPos, d = dstPos, to = srcPos + len; s < to;) target[d++] = source[s++];
    }
    function mergeLow(/** @type {number} */ baseA, /** @type {number} */ lengthA, /** @type {number} */ baseB, /** @type {number} */ lengthB) {
      temp = tempFor(lengthA);
      copy(work, baseA, temp, 0, lengthA);
      let dest = baseA, cursorTemp = 0, cursorB = baseB;
      work[dest++] = work[cursorB++];
      let state = 'loop';
      if (--lengthB === 0) state = 'succeed';
      else if (lengthA === 1) state = 'copyB';
      outer: while (state === 'loop') {
        let winsA = 0, winsB = 0;
        for (;;) {
          if (compare(work[cursorB], temp[cursorTemp]) < 0) {
            work[dest++] = work[cursorB++];
            ++winsB; --lengthB; winsA = 0;
            if (lengthB === 0) { state = 'succeed'; break outer; }
            if (winsB >= minGallop) break;
          } else {
            work[dest++] = temp[cursorTemp++];
            ++winsA; --lengthA; winsB = 0;
            if (lengthA === 1) { state = 'copyB'; break outer; }
            if (winsA >= minGallop) break;
          }
        }
        ++minGallop;
        let first = true;
        while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP || first) {
          first = false;
          minGallop = Math.max(1, minGallop - 1);
          winsA = gallopRight(temp, work[cursorB], cursorTemp, lengthA, 0);
          if (winsA > 0) {
            copy(temp, cursorTemp, work, dest, winsA);
            dest += winsA; cursorTemp += winsA; lengthA -= winsA;
            if (lengthA === 1) { state = 'copyB'; break outer; }
            if (lengthA === 0) { state = 'succeed'; break outer; }
          }
          work[dest++] = work[cursorB++];
          if (--lengthB === 0) { state = 'succeed'; break outer; }
          winsB = gallopLeft(work, temp[cursorTemp], cursorB, lengthB, 0);
          if (winsB > 0) {
            copy(work, cursorB, work, dest, winsB);
            dest += winsB; cursorB += winsB; lengthB -= winsB;
            if (lengthB === 0) { state = 'succeed'; break outer; }
          }
          work[dest++] = temp[cursorTemp++];
          if (--lengthA === 1) { state = 'copyB'; break outer; }
        }
        ++minGallop;
      }
      if (state === 'succeed') { if (lengthA > 0) copy(temp, cursorTemp, work, dest, lengthA); }
      else { copy(work, cursorB, work, dest, lengthB); work[dest + lengthB] = temp[cursorTemp]; }
    }
    function mergeHigh(/** @type {number} */ baseA, /** @type {number} */ lengthA, /** @type {number} */ baseB, /** @type {number} */ lengthB) {
      temp = tempFor(lengthB);
      copy(work, baseB, temp, 0, lengthB);
      let dest = baseB + lengthB - 1, cursorTemp = lengthB - 1, cursorA = baseA + lengthA - 1;
      work[dest--] = work[cursorA--];
      let state = 'loop';
      if (--lengthA === 0) state = 'succeed';
      else if (lengthB === 1) state = 'copyA';
      outer: while (state === 'loop') {
        let winsA = 0, winsB = 0;
        for (;;) {
          if (compare(temp[cursorTemp], work[cursorA]) < 0) {
            work[dest--] = work[cursorA--];
            ++winsA; --lengthA; winsB = 0;
            if (lengthA === 0) { state = 'succeed'; break outer; }
            if (winsA >= minGallop) break;
          } else {
            work[dest--] = temp[cursorTemp--];
            ++winsB; --lengthB; winsA = 0;
            if (lengthB === 1) { state = 'copyA'; break outer; }
            if (winsB >= minGallop) break;
          }
        }
        ++minGallop;
        let first = true;
        while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP || first) {
          first = false;
          minGallop = Math.max(1, minGallop - 1);
          let k = gallopRight(work, temp[cursorTemp], baseA, lengthA, lengthA - 1);
          winsA = lengthA - k;
          if (winsA > 0) {
            dest -= winsA; cursorA -= winsA;
            copy(work, cursorA + 1, work, dest + 1, winsA);
            lengthA -= winsA;
            if (lengthA === 0) { state = 'succeed'; break outer; }
          }
          work[dest--] = temp[cursorTemp--];
          if (--lengthB === 1) { state = 'copyA'; break outer; }
          k = gallopLeft(temp, work[cursorA], 0, lengthB, lengthB - 1);
          winsB = lengthB - k;
          if (winsB > 0) {
            dest -= winsB; cursorTemp -= winsB;
            copy(temp, cursorTemp + 1, work, dest + 1, winsB);
            lengthB -= winsB;
            if (lengthB === 1) { state = 'copyA'; break outer; }
            if (lengthB === 0) { state = 'succeed'; break outer; }
          }
          work[dest--] = work[cursorA--];
          if (--lengthA === 0) { state = 'succeed'; break outer; }
        }
        ++minGallop;
      }
      if (state === 'succeed') { if (lengthB > 0) copy(temp, 0, work, dest - (lengthB - 1), lengthB); }
      else { dest -= lengthA; cursorA -= lengthA; copy(work, cursorA + 1, work, dest + 1, lengthA); work[dest] = temp[cursorTemp]; }
    }
    function mergeAt(/** @type {number} */ i) {
      const size = runBase.length;
      let baseA = runBase[i], lengthA = runLength[i];
      const baseB = runBase[i + 1];
      let lengthB = runLength[i + 1];
      runLength[i] = lengthA + lengthB;
      if (i === size - 3) { runBase[i + 1] = runBase[i + 2]; runLength[i + 1] = runLength[i + 2]; }
      runBase.length = runLength.length = size - 1;
      const k = gallopRight(work, work[baseB], baseA, lengthA, 0);
      baseA += k;
      lengthA -= k;
      if (lengthA === 0) return;
      lengthB = gallopLeft(work, work[baseA + lengthA - 1], baseB, lengthB, lengthB - 1);
      if (lengthB === 0) return;
      if (lengthA <= lengthB) mergeLow(baseA, lengthA, baseB, lengthB);
      else mergeHigh(baseA, lengthA, baseB, lengthB);
    }
    const invariant = (/** @type {number} */ n) => n < 2 || runLength[n - 2] > runLength[n - 1] + runLength[n];
    function mergeCollapse() {
      while (runBase.length > 1) {
        let n = runBase.length - 2;
        if (!invariant(n + 1) || !invariant(n)) {
          if (runLength[n - 1] < runLength[n + 1]) --n;
          mergeAt(n);
        } else if (runLength[n] <= runLength[n + 1]) mergeAt(n);
        else break;
      }
    }
    function mergeForceCollapse() {
      while (runBase.length > 1) {
        let n = runBase.length - 2;
        if (n > 0 && runLength[n - 1] < runLength[n + 1]) --n;
        mergeAt(n);
      }
    }
    let n = length, r = 0;
    while (n >= 64) { r |= n & 1; n >>= 1; }
    const minRun = n + r;
    let low = 0, remaining = length;
    while (remaining !== 0) {
      let run = countAndMakeRun(low, low + remaining);
      if (run < minRun) {
        const forced = Math.min(minRun, remaining);
        binaryInsertionSort(low, low + run, low + forced);
        run = forced;
      }
      runBase.push(low);
      runLength.push(run);
      mergeCollapse();
      low += run;
      remaining -= run;
    }
    mergeForceCollapse();
  }

  /** V8's TypedArrayMergeSort: top-down, sorting `source[from, to)` into `target`. */
  function mergeSort(/** @type {any} */ source, /** @type {number} */ from, /** @type {number} */ to, /** @type {any} */ target, /** @type {(x: unknown, y: unknown) => number} */ compare) {
    const middle = from + ((to - from) >>> 1);
    if (middle - from > 1) mergeSort(target, from, middle, source, compare);
    if (to - middle > 1) mergeSort(target, middle, to, source, compare);
    let left = from, right = middle;
    for (let targetIndex = from; targetIndex < to; ++targetIndex) {
      if (left < middle && right >= to) target[targetIndex] = source[left++];
      else if (left < middle) {
        const l = source[left], rt = source[right];
        if (compare(l, rt) <= 0) { target[targetIndex] = l; left++; } else { target[targetIndex] = rt; right++; }
      } else target[targetIndex] = source[right++];
    }
  }

  const { nativeSorts } = I.core;
  const notCallable = (/** @type {unknown} */ cmp) => new TypeError('The comparison function must be either a function or undefined');
  const toLength = (/** @type {unknown} */ v) => { const n = Math.trunc(Number(v)) || 0; return Math.min(Math.max(n, 0), Number.MAX_SAFE_INTEGER); };

  /** @this {any} @param {unknown} comparefn */
  function sort(comparefn) {
    if (comparefn === undefined) return nativeSorts.sort.call(this, comparefn);
    if (typeof comparefn !== 'function') throw notCallable(comparefn);
    const obj = Object(this);
    const len = toLength(obj.length);
    if (len < 2) return obj;
    if (len > MAX_PORTED) return nativeSorts.sort.call(obj, comparefn);
    const work = [];
    let undefinedCount = 0;
    for (let i = 0; i < len; i++) {
      if (!(i in obj)) continue;
      const v = obj[i];
      if (v === undefined) undefinedCount++;
      else work.push(v);
    }
    timSort(work, comparer(comparefn));
    let index = 0;
    for (; index < work.length; index++) obj[index] = work[index];
    for (const end = work.length + undefinedCount; index < end; index++) obj[index] = undefined;
    for (; index < len; index++) delete obj[index];
    return obj;
  }
  /** @this {any} @param {unknown} comparefn */
  function toSorted(comparefn) {
    if (comparefn === undefined) return nativeSorts.toSorted.call(this, comparefn);
    if (typeof comparefn !== 'function') throw notCallable(comparefn);
    const obj = Object(this);
    const len = toLength(obj.length);
    if (len > MAX_PORTED) return nativeSorts.toSorted.call(obj, comparefn);
    const work = [];
    let undefinedCount = 0;
    for (let i = 0; i < len; i++) {
      const v = obj[i];
      if (v === undefined) undefinedCount++;
      else work.push(v);
    }
    timSort(work, comparer(comparefn));
    for (let i = 0; i < undefinedCount; i++) work.push(undefined);
    return work;
  }
  /** @returns {boolean} */
  const isTypedArray = (/** @type {unknown} */ value) => ArrayBuffer.isView(value) && !(value instanceof DataView);
  /** @this {any} @param {unknown} comparefn */
  function typedSort(comparefn) {
    if (comparefn === undefined) return nativeSorts.typedSort.call(this, comparefn);
    if (typeof comparefn !== 'function') throw notCallable(comparefn);
    /** @type {any} */
    const typed = this;
    if (!isTypedArray(typed)) throw new TypeError('this is not a typed array.');
    const len = typed.length;
    if (len < 2) return typed;
    if (len > MAX_PORTED) return nativeSorts.typedSort.call(typed, comparefn);
    const work1 = Array.from(typed), work2 = Array.from(typed);
    mergeSort(work2, 0, len, work1, comparer(comparefn));
    const n = Math.min(len, typed.length);
    for (let i = 0; i < n; i++) typed[i] = work1[i];
    return typed;
  }
  /** @this {any} @param {unknown} comparefn */
  function typedToSorted(comparefn) {
    if (comparefn === undefined) return nativeSorts.typedToSorted.call(this, comparefn);
    if (typeof comparefn !== 'function') throw notCallable(comparefn);
    if (!isTypedArray(this)) throw new TypeError('this is not a typed array.');
    // TypedArrayCreateSameType: the built-in constructor of this kind, not a subclass.
    const copy = new /** @type {any} */ (globalThis)[/** @type {any} */ (this)[Symbol.toStringTag]](this);
    return typedSort.call(copy, comparefn);
  }
  Object.assign(I, { sort, toSorted, typedSort, typedToSorted });
}
