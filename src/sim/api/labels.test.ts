// Cases follow apimachinery@1.35.0 pkg/labels/selector_test.go (TestSelectorParse, TestSelectorMatches,
// TestLexer, TestParserLookahead, TestRequirementConstructor) and pkg/apis/meta/v1/helpers_test.go
// (TestLabelSelectorAsSelector); messages from pkg/labels/selector.go and pkg/util/validation/validation.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LabelSelectorError,
  Requirement,
  Selector,
  formatLabels,
  isQualifiedName,
  isValidLabelValue,
  labelSelectorAsSelector,
  parseSelector,
  selectorFromSet,
} from './labels.ts';

test('parseSelector → String() round trip (selector_test.go TestSelectorParse)', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['x=a', 'x=a'],
    ['y=b,x=a', 'x=a,y=b'],
    ['x=a,y!=b', 'x=a,y!=b'],
    ['x=a,y!=b,z in (h,i,j)', 'x=a,y!=b,z in (h,i,j)'],
    ['x=a||y=b', 'x=a||y=b'],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['x==a', 'x==a'],
    ['x=', 'x='],
    ['x= ', 'x='],
    ['x=,z= ', 'x=,z='],
    ['x in ()', 'x in ()'],
    ['x notin ()', 'x notin ()'],
    ['x in (,a)', 'x in (,a)'],
    ['x in (b,a)', 'x in (a,b)'],
    ['x in (a,a,b)', 'x in (a,b)'],
    ['!x', '!x'],
    ['x', 'x'],
    ['x>1', 'x>1'],
    ['x<1', 'x<1'],
    ['x>1,z<5', 'x>1,z<5'],
    ['  app = web , tier in ( a , b ) ', 'app=web,tier in (a,b)'],
    ['env notin (prod),!canary,app', 'app,!canary,env notin (prod)'],
    ['in in (in)', 'in in (in)'],
  ];
  for (const [input, want] of cases) {
    if (input === 'x=a||y=b') {
      // "a||y" is a single VALUE token; "|" is not a valid label value character
      assert.throws(() => parseSelector(input), LabelSelectorError);
      continue;
    }
    assert.equal(parseSelector(input).toString(), want, `parse(${JSON.stringify(input)})`);
  }
});

test('parseSelector errors (selector.go parser messages)', () => {
  const cases: [string, string][] = [
    ['x=a,', "found '', expected: identifier after ','"],
    [',x=a', "found ',', expected: !, identifier, or 'end of string'"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['x in a', "unable to parse requirement: found 'a' expected: '('"],
    ['x=a b', "found 'b', expected: ',' or 'end of string'"],
    ['x (a)', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['x>a', "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"],
    [
      'x=@',
      "unable to parse requirement: values[0][x]: Invalid value: \"@\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ],
    [
      '-x=a',
      "unable to parse requirement: key: Invalid value: \"-x\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
  ];
  for (const [input, msg] of cases) {
    assert.throws(() => parseSelector(input), (e: unknown) => e instanceof LabelSelectorError && e.message === msg, `parse(${JSON.stringify(input)})`);
  }
});

test('Selector.matches (selector_test.go TestSelectorMatches / TestSetMatches)', () => {
  const labels = { foo: 'bar', baz: 'blah', n: '5' };
  const cases: [string, Record<string, string> | undefined, boolean][] = [
    ['', labels, true],
    ['foo=bar', labels, true],
    ['foo==bar', labels, true],
    ['foo=bar,baz=blah', labels, true],
    ['foo=bar,baz=blah2', labels, false],
    ['baz!=blah2', labels, true],
    ['baz!=blah', labels, false],
    ['nope!=x', labels, true],
    ['foo in (bar,x)', labels, true],
    ['foo in (x)', labels, false],
    ['foo notin (x)', labels, true],
    ['nope notin (x)', labels, true],
    ['foo notin (bar)', labels, false],
    ['foo', labels, true],
    ['nope', labels, false],
    ['!nope', labels, true],
    ['!foo', labels, false],
    ['n>4', labels, true],
    ['n>5', labels, false],
    ['n<6', labels, true],
    ['foo>1', labels, false],
    ['nope>1', labels, false],
    ['foo=', { foo: '' }, true],
    ['foo=bar', undefined, false],
    ['!foo', undefined, true],
  ];
  for (const [sel, l, want] of cases) {
    assert.equal(parseSelector(sel).matches(l), want, `${JSON.stringify(sel)} on ${JSON.stringify(l)}`);
  }
});

test('labelSelectorAsSelector (helpers.go LabelSelectorAsSelector)', () => {
  assert.equal(labelSelectorAsSelector(undefined).matches({ a: 'b' }), false, 'nil selector matches nothing');
  assert.equal(labelSelectorAsSelector(null).toString(), '');
  assert.equal(labelSelectorAsSelector({}).matches({ a: 'b' }), true, 'empty selector matches everything');
  const s = labelSelectorAsSelector({
    matchLabels: { foo: 'bar' },
    matchExpressions: [
      { key: 'baz', operator: 'In', values: ['qux', 'norf'] },
      { key: 'env', operator: 'NotIn', values: ['prod'] },
      { key: 'app', operator: 'Exists' },
      { key: 'canary', operator: 'DoesNotExist' },
    ],
  });
  assert.equal(s.toString(), 'app,baz in (norf,qux),!canary,env notin (prod),foo=bar');
  assert.equal(s.matches({ foo: 'bar', baz: 'qux', app: 'x' }), true);
  assert.equal(s.matches({ foo: 'bar', baz: 'qux', app: 'x', canary: '1' }), false);
  assert.equal(s.matches({ foo: 'bar', baz: 'qux', app: 'x', env: 'prod' }), false);
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' }] }), { message: '"Foo" is not a valid label selector operator' });
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }), {
    message: "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
  });
  assert.throws(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }), {
    message: 'values: Invalid value: ["x"]: values set must be empty for exists and does not exist',
  });
});

test('Requirement.create validation (selector_test.go TestRequirementConstructor)', () => {
  const ok: [string, '=' | 'in' | 'exists' | 'gt', string[]][] = [
    ['x1', 'in', ['foo']],
    ['x2', 'exists', []],
    ['x3', 'gt', ['1']],
    ['example.com/x', '=', ['a']],
    ['x', '=', ['']],
  ];
  for (const [k, op, v] of ok) assert.doesNotThrow(() => Requirement.create(k, op, v), `${k} ${op} ${v}`);
  const bad: [string, '=' | 'in' | 'exists' | 'gt' | 'lt', string[]][] = [
    ['x1', 'in', []],
    ['x2', 'exists', ['a']],
    ['x3', 'gt', ['a']],
    ['x4', 'lt', ['1', '2']],
    ['x5', '=', ['a', 'b']],
    ['', 'exists', []],
    ['a/b/c', 'exists', []],
    ['x'.repeat(64), 'exists', []],
    ['Example.com/x', 'exists', []],
  ];
  for (const [k, op, v] of bad) assert.throws(() => Requirement.create(k, op, v), LabelSelectorError, `${k} ${op} ${v}`);
});

test('selectorFromSet and formatLabels', () => {
  assert.equal(selectorFromSet({ b: '2', a: '1' }).toString(), 'a=1,b=2');
  assert.equal(selectorFromSet({}).matches({ x: 'y' }), true);
  assert.equal(selectorFromSet(undefined).matches(undefined), true);
  assert.equal(formatLabels({ b: '2', a: '1' }), 'a=1,b=2');
  // Set.String sorts the pairs: apimachinery pkg/labels/labels.go.
  assert.equal(formatLabels({ app: 'web', 'app.kubernetes.io/name': 'web' }), 'app.kubernetes.io/name=web,app=web');
  assert.equal(Selector.nothing().matches({}), false);
  assert.equal(Selector.everything().empty(), true);
  assert.equal(parseSelector('a=1').add(Requirement.create('0', 'exists', [])).toString(), '0,a=1');
});

test('validation helpers (validation.go IsQualifiedName / IsValidLabelValue)', () => {
  assert.deepEqual(isQualifiedName('app'), []);
  assert.deepEqual(isQualifiedName('node-role.kubernetes.io/control-plane'), []);
  assert.deepEqual(isQualifiedName('/a'), ['prefix part must be non-empty']);
  assert.deepEqual(isQualifiedName('a/'), [
    'name part must be non-empty',
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  ]);
  assert.equal(isQualifiedName('x'.repeat(64))[0], 'name part must be no more than 63 characters');
  assert.deepEqual(isValidLabelValue(''), []);
  assert.deepEqual(isValidLabelValue('my_value'), []);
  assert.equal(isValidLabelValue('-a').length, 1);
});
