// Cases follow apimachinery@1.35.0 pkg/api/resource/quantity_test.go (TestQuantityParse,
// TestQuantityString, TestQuantityParseZero, TestQuantityParseEmit) and quantity.go's error values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERR_FORMAT_WRONG, ERR_SUFFIX, Quantity, mustParseQuantity, parseQuantity, quantityOf } from './quantity.ts';
import type { QuantityFormat } from './quantity.ts';

test('parse → canonical String() (quantity_test.go TestQuantityParse expectations)', () => {
  const cases: [string, string][] = [
    ['0', '0'],
    ['0n', '0'],
    ['0Ki', '0'],
    ['00', '0'],
    ['1', '1'],
    ['-1', '-1'],
    ['+1', '1'],
    ['1m', '1m'],
    ['100m', '100m'],
    ['0.1', '100m'],
    ['0.5', '500m'],
    ['.5', '500m'],
    ['1.5', '1500m'],
    ['12.34', '12340m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['2000m', '2'],
    ['1000', '1k'],
    ['1001', '1001'],
    ['100k', '100k'],
    ['1000k', '1M'],
    ['129M', '129M'],
    ['129e6', '129e6'],
    ['129E6', '129e6'],
    ['1e3', '1e3'],
    ['1e-3', '1e-3'],
    ['1E', '1E'],
    ['1Ki', '1Ki'],
    ['1024', '1024'],
    ['1024Ki', '1Mi'],
    ['123Mi', '123Mi'],
    ['1000Mi', '1000Mi'],
    ['1024Mi', '1Gi'],
    ['2048Mi', '2Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['0.5Ki', '512'],
    ['1.1Ki', '1126400m'],
    ['128974848', '128974848'],
    ['100n', '100n'],
    ['1n', '1n'],
    ['0.1n', '1n'],
    ['1.2345678901', '1234567891n'],
    ['5u', '5u'],
    ['-0.5', '-500m'],
    ['-1Gi', '-1Gi'],
    ['1.', '1'],
  ];
  for (const [input, want] of cases) {
    assert.equal(parseQuantity(input).toString(), want, `parse(${input})`);
  }
});

test('String() of constructed quantities (quantity_test.go TestQuantityString)', () => {
  const cases: [bigint, number, QuantityFormat, string][] = [
    [1024n * 1024n * 1024n, 0, 'BinarySI', '1Gi'],
    [300n * 1024n * 1024n, 0, 'BinarySI', '300Mi'],
    [6n * 1024n, 0, 'BinarySI', '6Ki'],
    [1001n * 1024n * 1024n * 1024n, 0, 'BinarySI', '1001Gi'],
    [1024n * 1024n * 1024n * 1024n, 0, 'BinarySI', '1Ti'],
    [5n, 0, 'BinarySI', '5'],
    [500n, -3, 'BinarySI', '500m'],
    [1n, 9, 'DecimalSI', '1G'],
    [1000n, 6, 'DecimalSI', '1G'],
    [1000000n, 3, 'DecimalSI', '1G'],
    [1000000000n, 0, 'DecimalSI', '1G'],
    [1n, -3, 'DecimalSI', '1m'],
    [80n, -3, 'DecimalSI', '80m'],
    [1080n, -3, 'DecimalSI', '1080m'],
    [108n, -2, 'DecimalSI', '1080m'],
    [10800n, -4, 'DecimalSI', '1080m'],
    [300n, 6, 'DecimalSI', '300M'],
    [1n, 12, 'DecimalSI', '1T'],
    [1234567n, 6, 'DecimalSI', '1234567M'],
    [1234567n, -3, 'BinarySI', '1234567m'],
    [3n, 3, 'DecimalSI', '3k'],
    [1025n, 0, 'BinarySI', '1025'],
    [0n, 0, 'DecimalSI', '0'],
    [0n, 0, 'BinarySI', '0'],
    [1n, 9, 'DecimalExponent', '1e9'],
    [1n, -3, 'DecimalExponent', '1e-3'],
    [1n, -9, 'DecimalExponent', '1e-9'],
    [80n, -3, 'DecimalExponent', '80e-3'],
    [300n, 6, 'DecimalExponent', '300e6'],
    [1n, 12, 'DecimalExponent', '1e12'],
    [1n, 3, 'DecimalExponent', '1e3'],
    [3n, 3, 'DecimalExponent', '3e3'],
    [0n, 0, 'DecimalExponent', '0'],
    [1n, -9, 'DecimalSI', '1n'],
    [80n, -9, 'DecimalSI', '80n'],
    [1080n, -9, 'DecimalSI', '1080n'],
    [108n, -8, 'DecimalSI', '1080n'],
    [1n, -6, 'DecimalSI', '1u'],
    [80n, -6, 'DecimalSI', '80u'],
    [1080n, -6, 'DecimalSI', '1080u'],
  ];
  for (const [m, scale, format, want] of cases) {
    assert.equal(new Quantity(m, scale, format).toString(), want, `${m}e${scale} ${format}`);
  }
});

test('Value() and MilliValue() round away from zero', () => {
  const cases: [string, number, number][] = [
    ['100m', 1, 100],
    ['0.5', 1, 500],
    ['1.5', 2, 1500],
    ['1.5m', 1, 2],
    ['2', 2, 2000],
    ['1k', 1000, 1000000],
    ['1Gi', 1073741824, 1073741824000],
    ['200Mi', 209715200, 209715200000],
    ['-1.5', -2, -1500],
    ['1n', 1, 1],
  ];
  for (const [s, value, milli] of cases) {
    const q = parseQuantity(s);
    assert.equal(q.value(), value, `value(${s})`);
    assert.equal(q.milliValue(), milli, `milliValue(${s})`);
  }
});

test('parse errors carry the apimachinery messages (quantity.go ErrFormatWrong/ErrSuffix)', () => {
  const cases: [string, string][] = [
    ['', ERR_FORMAT_WRONG],
    ['1.5.5', ERR_FORMAT_WRONG],
    ['1x', ERR_FORMAT_WRONG],
    ['1KB', ERR_FORMAT_WRONG],
    ['1Kb', ERR_FORMAT_WRONG],
    ['1 Gi', ERR_FORMAT_WRONG],
    ['1e', ERR_SUFFIX],
    ['1Mm', ERR_SUFFIX],
    ['1Ki5', ERR_SUFFIX],
    ['1iMi', ERR_SUFFIX],
  ];
  for (const [s, msg] of cases) {
    assert.throws(() => parseQuantity(s), { message: msg }, `parse(${JSON.stringify(s)})`);
  }
  assert.equal(ERR_FORMAT_WRONG, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  assert.throws(() => mustParseQuantity('abc'), { message: `cannot parse 'abc': ${ERR_FORMAT_WRONG}` });
});

test('arithmetic and comparison', () => {
  const a = parseQuantity('1');
  const b = parseQuantity('500m');
  assert.equal(a.add(b).toString(), '1500m');
  assert.equal(a.sub(b).toString(), '500m');
  assert.equal(b.sub(a).toString(), '-500m');
  assert.equal(a.cmp(b), 1);
  assert.equal(b.cmp(a), -1);
  assert.equal(parseQuantity('1Gi').cmp(parseQuantity('1024Mi')), 0);
  assert.ok(parseQuantity('1000m').equals(parseQuantity('1')));
  assert.equal(parseQuantity('1Gi').add(parseQuantity('512Mi')).toString(), '1536Mi');
  assert.equal(Quantity.zero().add(parseQuantity('1Gi')).toString(), '1Gi');
  assert.equal(Quantity.fromMilli(250).toString(), '250m');
  assert.equal(Quantity.fromValue(2048, 'BinarySI').toString(), '2Ki');
  assert.equal(parseQuantity('-1').neg().toString(), '1');
  assert.equal(quantityOf(2)?.toString(), '2');
  assert.equal(quantityOf(undefined), null);
});

test('huge values are capped at 2^63-1 like ParseQuantity', () => {
  assert.equal(parseQuantity('100E').value(), 9223372036854775807);
  assert.equal(parseQuantity('100E').scaledBig(0), (1n << 63n) - 1n);
});
