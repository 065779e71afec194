/**
 * Go's sort.Sort / sort.Slice (go/src/sort/zsortinterface.go, zsortfunc.go: pattern-defeating
 * quicksort). Not stable: elements that compare equal can change order once a slice has more than
 * 12 elements — exactly as kubectl's sort.Sort(event.SortableEvents(...)) and
 * sort.Slice(tolerations, …) reorder them. Ported so describe lists equal-keyed items in the same
 * order real kubectl does.
 */

interface Data {
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

/** bits.Len */
function bitsLen(x: number): number {
  let n = 0;
  while (x > 0) {
    n++;
    x = Math.floor(x / 2);
  }
  return n;
}

function insertionSort(d: Data, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1);
  }
}

function siftDown(d: Data, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) return;
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++;
    if (!d.less(first + root, first + child)) return;
    d.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(d: Data, a: number, b: number): void {
  const first = a;
  const lo = 0;
  const hi = b - a;
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, first);
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(first, first + i);
    siftDown(d, lo, i, first);
  }
}

const UNKNOWN_HINT = 0;
const INCREASING_HINT = 1;
const DECREASING_HINT = 2;

/** xorshift (uint64) as in sort.go, on BigInt. */
class XorShift {
  private r: bigint;
  constructor(seed: number) {
    this.r = BigInt(seed);
  }
  next(): bigint {
    const M = (1n << 64n) - 1n;
    this.r ^= (this.r << 13n) & M;
    this.r ^= this.r >> 7n;
    this.r ^= (this.r << 17n) & M;
    return this.r;
  }
}

function nextPowerOfTwo(length: number): number {
  return 2 ** bitsLen(length);
}

function breakPatterns(d: Data, a: number, b: number): void {
  const length = b - a;
  if (length >= 8) {
    const random = new XorShift(length);
    const modulus = nextPowerOfTwo(length);
    const idx = a + Math.floor(length / 4) * 2 - 1;
    for (let i = 0; i < 3; i++) {
      let other = Number(random.next() & BigInt(modulus - 1));
      if (other >= length) other -= length;
      d.swap(idx - 1 + i, a + other);
    }
  }
}

function order2(d: Data, a: number, b: number, swaps: { n: number }): [number, number] {
  if (d.less(b, a)) {
    swaps.n++;
    return [b, a];
  }
  return [a, b];
}

function median(d: Data, a: number, b: number, c: number, swaps: { n: number }): number {
  [a, b] = order2(d, a, b, swaps);
  [b, c] = order2(d, b, c, swaps);
  [a, b] = order2(d, a, b, swaps);
  void c;
  return b;
}

function medianAdjacent(d: Data, a: number, swaps: { n: number }): number {
  return median(d, a - 1, a, a + 1, swaps);
}

function choosePivot(d: Data, a: number, b: number): [number, number] {
  const shortestNinther = 50;
  const maxSwaps = 4 * 3;
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + Math.floor(l / 4) * 1;
  let j = a + Math.floor(l / 4) * 2;
  let k = a + Math.floor(l / 4) * 3;
  if (l >= 8) {
    if (l >= shortestNinther) {
      i = medianAdjacent(d, i, swaps);
      j = medianAdjacent(d, j, swaps);
      k = medianAdjacent(d, k, swaps);
    }
    j = median(d, i, j, k, swaps);
  }
  switch (swaps.n) {
    case 0:
      return [j, INCREASING_HINT];
    case maxSwaps:
      return [j, DECREASING_HINT];
    default:
      return [j, UNKNOWN_HINT];
  }
}

function reverseRange(d: Data, a: number, b: number): void {
  let i = a;
  let j = b - 1;
  while (i < j) {
    d.swap(i, j);
    i++;
    j--;
  }
}

function partialInsertionSort(d: Data, a: number, b: number): boolean {
  const maxSteps = 5;
  const shortestShifting = 50;
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !d.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    d.swap(i, i - 1);
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!d.less(j, j - 1)) break;
        d.swap(j, j - 1);
      }
    }
  }
  return false;
}

function partitionEqual(d: Data, a: number, b: number, pivot: number): number {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !d.less(a, i)) i++;
    while (i <= j && d.less(a, j)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  return i;
}

function partition(d: Data, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  while (i <= j && d.less(i, a)) i++;
  while (i <= j && !d.less(j, a)) j--;
  if (i > j) {
    d.swap(j, a);
    return [j, true];
  }
  d.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && d.less(i, a)) i++;
    while (i <= j && !d.less(j, a)) j--;
    if (i > j) break;
    d.swap(i, j);
    i++;
    j--;
  }
  d.swap(j, a);
  return [j, false];
}

function pdqsort(d: Data, a: number, b: number, limit: number): void {
  const maxInsertion = 12;
  let wasBalanced = true;
  let wasPartitioned = true;
  for (;;) {
    const length = b - a;
    if (length <= maxInsertion) {
      insertionSort(d, a, b);
      return;
    }
    if (limit === 0) {
      heapSort(d, a, b);
      return;
    }
    if (!wasBalanced) {
      breakPatterns(d, a, b);
      limit--;
    }
    let [pivot, hint] = choosePivot(d, a, b);
    if (hint === DECREASING_HINT) {
      reverseRange(d, a, b);
      pivot = b - 1 - (pivot - a);
      hint = INCREASING_HINT;
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING_HINT) {
      if (partialInsertionSort(d, a, b)) return;
    }
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(d, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = Math.floor(length / 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(d, a, mid, limit);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(d, mid + 1, b, limit);
      b = mid;
    }
  }
}

/** sort.Slice(xs, less) / sort.Sort: sorts in place, with Go's exact (unstable) element order. */
export function goSort<T>(xs: T[], less: (a: T, b: T) => boolean): T[] {
  const n = xs.length;
  if (n <= 1) return xs;
  const d: Data = {
    less: (i, j) => less(xs[i], xs[j]),
    swap: (i, j) => {
      const t = xs[i];
      xs[i] = xs[j];
      xs[j] = t;
    },
  };
  pdqsort(d, 0, n, bitsLen(n));
  return xs;
}
