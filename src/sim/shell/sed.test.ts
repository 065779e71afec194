/**
 * sed against GNU sed 4.9 (/usr/bin/sed): every case runs through the model and the real sed on the
 * same input (oracle.testlib.ts); without the binary, the recorded results in sed.oracle.json.
 */
import { oracleTests, type Case } from './oracle.testlib.ts';
import { sed } from './sed.ts';

const NUMS = 'one\ntwo\nthree\nfour\nfive\n';
const PODS = `NAMESPACE     NAME                               READY   STATUS    RESTARTS   AGE
kube-system   coredns-668d6bf9bc-7xk2p           1/1     Running   0          5m
kube-system   etcd-controlplane                  1/1     Running   0          5m
default       web-7d4b9c8f6d-abcde               0/1     Pending   0          10s
default       web-7d4b9c8f6d-fghij               1/1     Running   2 (3m ago) 20m
`;
const YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
status: {}
`;

/** Scripts run with `sed SCRIPT` (and `sed -n SCRIPT`) over NUMS. */
const SCRIPTS = [
  '', 'p', 'd', '2d', '$d', '2,4d', '2,$d', '/t/d', '/t/!d', '/two/,/four/d', '/two/,+1d', '/two/,~4d', '0,/o/d', '1,/o/d',
  '1~2d', '0~2d', '2~3p', '3,1p', '2,2p', '$!N;P;D', 'N;P;D', '$!N;s/\\n/ /', 'N;N;s/\\n/+/g', ':a;N;$!ba;s/\\n/,/g',
  '1!G;h;$!d', 'n;d', 'N', '=', '2=', '$=', 'l', 'l 5', 'l 1', 'l 0', 'F', 'z', 'x', 'G', 'H;$!d;x', 'h;G', 'g', 'x;G',
  's/o/0/', 's/o/0/g', 's/o/0/2', 's/e/E/2g', 's/o/0/p', 's/o/0/gp', 's/O/0/I', 's/O/0/gi', 's/^/> /', 's/$/;/', 's/.*/[&]/',
  's/\\(.\\)\\(.*\\)/\\2\\1/', 's/\\(t\\)\\(h\\)/\\2\\1/', 's/t\\|f/X/g', 's/o\\+/O/', 's/e\\?$/!/', 's/x*/-/g', 's/o*/-/g', 's/e*/X/2',
  's/[aeiou]/V/g', 's/[^aeiou]/C/g', 's/[[:upper:]]/U/g', 's/[[:alpha:]]\\{3\\}/W/', 's/[[:space:]]//g', 's/[[:digit:]]/D/g',
  's/\\w\\+/<&>/', 's/\\bt/T/g', 's/\\<f/F/', 's/e\\>/E/', 's/.*/\\U&/', 's/.*/\\u&/', 's/\\(.\\)\\(.*\\)/\\U\\1\\E\\2/', 's/.*/\\L\\u&/',
  's/o/\\n/', 's/o/\\t/', 's/o/a\\/b/', 's|o|/|', 's#o#\\##', 's/o/\\&/', 's/\\(o\\)/[\\1\\1]/g', 's/e/&&/g',
  's/a/b/;s/e/E/', 's/a/b/\ns/e/E/', '/t/{s/t/T/;p}', '2{p;p}', '2,3{/e/d}', '/^t/!{s/$/ !/}', '$!{$!d}', '2!{/o/p}',
  'y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/', 'y/ot/OT/', 'y/o\\/t/0|T/',
  '2q', '2Q', 'q3', '$q', '3q;s/$/!/', '2i\\inserted', '2a\\appended', '2c\\changed', '2,3c\\changed', '$a end', '1i start',
  '/two/a\\\nline1\\\nline2', 'a\\  lead', 'a foo\\tbar', '2,3!c\\X', '/o/c\\O', '$!a --',
  '/t/p', '/t/Ip', '/T/Ip', '/T/,/F/Ip', '\\%t%p', '\\,t,p', '/t/,/t/p', '/e$/,$p', '2,+2p', '2,~2p', '4,~2p', '$p', '$!p',
  's/o/0/;t;s/$/ no-o/', 's/o/0/;T;s/$/ had-o/', ':x;s/e/E/;tx', 'bend;s/^/X/;:end', 's/^/[/;:a;s/$/]/;/]]/!ba',
  '/two/{n;d}', '/two/{N;d}', '2{h;d};4{G}', '1h;1!H;$!d;x;s/\\n/|/g', '$!d;x', 'P', 'D', '2D',
  '#n\np', '  p ; p  ', '2 ! d', '2!d;=', 'v', 'v 4.2', ';;p;;', '{p}', '{p};', '{{p}}', '1{;p;}', 's/o/0/w /dev/stdout', 'w /dev/stdout',
  's/o\\{2\\}/00/', 's/e\\{1,\\}/E/', 's/.\\{,2\\}//', 's/\\(e\\)\\1/X/', 's/*/S/', 's/^*/S/', 's/t\\(*\\)/T/', 's/+/P/', 's/h?/Q/', 's/(/Q/',
  's/o$/O/;s/^o/O/', 's/e\\|$/!/g', 's/[]o]/X/g', 's/[^]o]/X/g', 's/[a-f]/X/g', 's/[[:alpha:]-]/X/', 's/\\./D/', 's/./D/3',
  's/\\x6f/0/', 's/\\o157/0/g', 's/\\d111/0/', 's/o/\\x41/', 's/\\cA/x/', 's/\\`o/O/', "s/e\\'/E/",
  '$!s/$/,/', '1~3s/^/* /', '2,4s/^/  /;2,4!s/^/# /', '/three/=', '/three/l', '/x/p;$p',
];

/** Errors (and their char positions). */
const ERRORS = [
  's/a/b', 's/a', 's', 'X', '1;p', '+3p', '~3p', '{p', 'p}', '1}', '{p};}', 's/\\(/x/', 's/x\\)/x/', 's/a/\\1/', 's/\\(a\\)/\\2/',
  'y/ab/x/', 'y/a/', 'y/abc/xyz/g', '/x', '/x/', '\\%x', '1,', '1,p', '0p', '0,5p', '1,0p', 's/o/0/0', 's/o/0/gg', 's/o/0/pp', 's/o/0/1 2',
  's/o/0/x', 's/o/0/ ;p', 's/o/0/ g', 'a', 'i', 'c', '2!!d', 'v 9.0', ': ', '1:a', 'r', 'w', 's/a/b/w', 'b foo', 'bx;:y', 'tx',
  '2,3q', '2,3Q', 'qx', 'q 5 x', 'l x', 'dp', 'pd', 'd d', '=x', 'hx', 'kp', 'L', 's/x/y/e', '1#x', '/x/I,/y/p',
  's/[[:foo:]]/y/', 's/[a/b/', 's/[/]/x/', 's/t\\{2,1\\}/x/', 's/t\\{x\\}/x/', 's/a\\{2/x/', 's/\\{2\\}/x/', 's/a**/x/',
  's//x/', '//p', '/o/s//0/g', '/o/I!s//0/g', 's//x/I', 'y/a\\b/xy/', '}', '{', '2{p', '1,2{p', '1{2{p}',
];

const ERE = [
  's/(o)+/[\\1]/', 's/t|f/X/g', 's/o{2}/00/', 's/e+$/E/', 's/^(.)(.*)$/\\2\\1/', 's/(a|e|o)/<\\1>/g', 's/\\(/P/', 's/\\+/P/',
  's/*/S/', 's/a{/x/', 's/)/x/', 's/(/x/', 's/o?/X/', 's/[[:alpha:]]+/W/', 's/(t)(h)(r)/\\3\\2\\1/', '/^(two|four)$/d', 's/.{3}$//',
];
// Not checked: `e` alone (GNU runs the line through dash; the model through the simulated bash) and an
// alternation whose earlier branch is a prefix of a later one (`s/a|ab/X/` on "abc": glibc matches the
// longest, "ab"; JavaScript the first, "a").

const cases: Case[] = [];
for (const s of SCRIPTS) {
  cases.push({ args: [s], stdin: NUMS });
  cases.push({ args: ['-n', s], stdin: NUMS });
}
for (const s of ERRORS) cases.push({ args: [s], stdin: NUMS });
for (const s of ERE) {
  cases.push({ args: ['-E', s], stdin: NUMS });
  cases.push({ args: ['-r', s], stdin: 'abc\n(x)+\n' });
}

// kubectl output and manifests, as learners edit them.
cases.push(
  { args: ['1d'], stdin: PODS },
  { args: ['-n', '/Running/p'], stdin: PODS },
  { args: ['s/  */ /g'], stdin: PODS },
  { args: ['-E', 's/ +/\\t/g'], stdin: PODS },
  { args: ['-n', '2,3p'], stdin: PODS },
  { args: ['-E', 's/^(\\S+)\\s+(\\S+).*/\\2.\\1/'], stdin: PODS },
  { args: ['/Pending/!d'], stdin: PODS },
  { args: ['-n', '/^default/{s/ .*//;p}'], stdin: PODS },
  { args: ['s/\\(web\\)-[a-z0-9]*-\\([a-z0-9]*\\)/\\1 \\2/'], stdin: PODS },
  { args: ['/selector/,+2d'], stdin: YAML },
  { args: ['/status:/d'], stdin: YAML },
  { args: ['s/replicas: 2/replicas: 3/'], stdin: YAML },
  { args: ['-n', '/containers:/,$p'], stdin: YAML },
  { args: ['s/image: .*/image: nginx:1.27/'], stdin: YAML },
  { args: ['/^  labels:/,/^spec:/{/^spec:/!d}'], stdin: YAML },
  { args: ['-e', 's/kind: Deployment/kind: DaemonSet/', '-e', '/replicas:/d', '-e', '/status: {}/d'], stdin: YAML },
  { args: ['/- name: nginx/a\\        ports:\\n        - containerPort: 80'], stdin: YAML },
  { args: ['/- name: nginx/a\\\n        ports:\\\n        - containerPort: 80'], stdin: YAML },
  { args: ['/image:/i\\        imagePullPolicy: Always'], stdin: YAML },
  { args: ['-n', '/^kind:/s/kind: //p'], stdin: YAML },
  { args: ['-n', '$='], stdin: YAML },
  { args: ['s/^  *//'], stdin: YAML },
  { args: ['s/:.*//;/^ /d'], stdin: YAML },
  { args: ['=', '-'], stdin: 'a\nb\n' },
  { args: ['0,/web/s//api/'], stdin: YAML },
  { args: ['--expression=s/web/api/g', '--quiet', '-e', '/api/p'], stdin: YAML },
  { args: ['-ne', '/app/p'], stdin: YAML },
  { args: ['-n', '-e', '2{p;q}'], stdin: YAML },
  { args: ['--silent', '$p'], stdin: YAML },
);

// Files, -i, -s, multiple files, missing files, options.
const F = { 'a.txt': 'a1\na2\n', 'b.txt': 'b1\nb2\n', 'c.txt': 'c1\nc2' };
cases.push(
  { args: ['p', 'a.txt', 'b.txt'], files: F },
  { args: ['-n', '$p', 'a.txt', 'b.txt'], files: F },
  { args: ['-s', '-n', '$p', 'a.txt', 'b.txt'], files: F },
  { args: ['-n', '1p', '-s', 'a.txt', 'b.txt'], files: F },
  { args: ['F', 'a.txt', 'b.txt'], files: F },
  { args: ['=', 'a.txt', 'b.txt'], files: F },
  { args: ['p', 'c.txt'], files: F },
  { args: ['', 'c.txt', 'a.txt'], files: F },
  { args: ['$a end', 'c.txt'], files: F },
  { args: ['N;N;s/\\n/,/g', 'c.txt'], files: F },
  { args: ['p', 'nosuch', 'a.txt'], files: F },
  { args: ['p', 'a.txt', 'nosuch'], files: F },
  { args: ['p', 'dir', 'a.txt'], files: { ...F, 'dir/': '' } },
  { args: ['p', 'a.txt', 'dir'], files: { ...F, 'dir/': '' } },
  { args: ['-i', 's/1/X/', 'a.txt', 'b.txt'], files: F },
  { args: ['-i.bak', 's/1/X/', 'a.txt'], files: F },
  { args: ['-i', '-e', '$d', 'a.txt', 'b.txt', 'c.txt'], files: F },
  { args: ['--in-place=.orig', '1d', 'b.txt'], files: F },
  { args: ['-in', '1p', 'a.txt'], files: F },
  { args: ['-n', '-i', '1p', 'a.txt'], files: F },
  { args: ['-i', '2q', 'a.txt', 'b.txt'], files: F },
  { args: ['-i', 's/1/X/w /dev/stdout', 'a.txt'], files: F },
  { args: ['-i', '1i\\top', 'a.txt', 'nosuch', 'b.txt'], files: F },
  { args: ['-i', 'p', 'dir'], files: { ...F, 'dir/': '' } },
  { args: ['-i', 'p'], stdin: 'x\n' },
  { args: ['-i', 'p', 'c.txt'], files: F },
  { args: ['s/1/X/', 'a.txt', '-i'], files: F },
  { args: ['w out.txt', 'a.txt'], files: F },
  { args: ['-n', '/1/w out.txt', 'a.txt', 'b.txt'], files: F },
  { args: ['s/1/X/w out.txt', 'a.txt'], files: F },
  { args: ['2r b.txt', 'a.txt'], files: F },
  { args: ['r c.txt', 'a.txt'], files: F },
  { args: ['r nosuch', 'a.txt'], files: F },
  { args: ['R b.txt', 'a.txt'], files: F },
  { args: ['R b.txt', 'a.txt', 'a.txt'], files: F },
  { args: ['-f', 'script.sed', 'a.txt'], files: { ...F, 'script.sed': 's/a/A/\n# comment\n2d\n' } },
  { args: ['-f', 'script.sed', 'a.txt'], files: { ...F, 'script.sed': 's/a/A/\nk\n' } },
  { args: ['-f', 'nosuch.sed', 'a.txt'], files: F },
  { args: ['-n', '-f', 'script.sed', 'a.txt'], files: { ...F, 'script.sed': '#n\n/2/p\n' } },
  { args: ['-e', 'a\\', '-e', 'appended', 'a.txt'], files: F },
  { args: ['-e', '1{', '-e', 'p', '-e', '}', 'a.txt'], files: F },
  { args: ['-e', 'p', '-e', 'X', 'a.txt'], files: F },
  { args: ['-e', '2{', '-e', 'p', 'a.txt'], files: F },
  { args: [] },
  { args: ['-n'] },
  { args: ['-k', 'p'] },
  { args: ['--foo', 'p'] },
  { args: ['-e'] },
  { args: ['--expression'] },
  { args: ['--help'] },
  { args: ['--version'] },
  { args: ['--quiet=3', 'p'], stdin: 'x\n' },
  { args: ['--in', 'p', 'a.txt'], files: F },
  { args: ['-z', 's/\\n/,/g'], stdin: 'a\nb\nc\n' },
  { args: ['-z', 's/^/>/'], stdin: 'a\0b\0' },
  { args: ['-l', '4', 'l'], stdin: 'abcdefghij\n' },
  { args: ['-n', 'l'], stdin: 'tab\there\\back\x01\x7f\n' },
  { args: ['-n', 'l'], stdin: 'é\n' },
  { args: ['-n', 'l'], stdin: 'x'.repeat(150) + '\n' },
  { args: ['p'], stdin: 'no newline' },
  { args: ['$a\\end'], stdin: 'no newline' },
  { args: ['i\\top'], stdin: 'no newline' },
  { args: ['-n', 'p;p'], stdin: 'a\nb' },
  { args: ['G'], stdin: 'a\nb' },
  { args: ['s/x/y/'], stdin: '' },
  { args: ['$a\\end'], stdin: '' },
  { args: ['s/a/\\\nb/'], stdin: 'xay\n' },
  { args: ['s/b*/X/g'], stdin: 'abc\nbbb\n' },
  { args: ['s/b*/X/2'], stdin: 'abc\n' },
  { args: ['s/\\(b\\)*/[\\1]/g'], stdin: 'abbc\n' },
  { args: ['s/\\(x\\)*y/[\\1]/'], stdin: 'ay\n' },
  { args: ['s/[0-9]\\+/(&)/g'], stdin: 'pod-123 4/5\n' },
  { args: ['-E', 's/([0-9]+)m/\\1 min/'], stdin: 'AGE 15m\n' },
  { args: ['s/\\s\\+/ /g'], stdin: 'a  \t b\n' },
  { args: ['s/\\S\\+$/X/'], stdin: 'a b c\n' },
  { args: ['s/\\W/_/g'], stdin: 'a.b-c d\n' },
  { args: ['s/[\\t]/T/'], stdin: 'a\tb\n' },
  { args: ['N;s/[\\n]/N/'], stdin: 'a\nb\n' },
  { args: ['s/[\\n]/N/'], stdin: 'anb\n' },
  { args: ['s/[\\\\]/B/'], stdin: 'a\\b\n' },
  { args: ['s/[\\.]/D/g'], stdin: 'a.b\\c\n' },
  { args: ['s/\\\\/\\//g'], stdin: 'a\\b\n' },
  { args: ['s/a.b/X/'], stdin: 'a\nb\n' },
  { args: ['N;s/a.b/X/'], stdin: 'a\nb\n' },
  { args: ['N;s/^b/X/'], stdin: 'a\nb\n' },
  { args: ['N;s/^b/X/M'], stdin: 'a\nb\n' },
  { args: ['N;s/a$/X/M'], stdin: 'a\nb\n' },
  { args: ['N;s/a$/X/'], stdin: 'a\nb\n' },
  { args: ['$!N;/^\\(.*\\)\\n\\1$/!P;D'], stdin: 'a\na\nb\nc\nc\n' },
  { args: ['-n', '/start/,/end/{//!p}'], stdin: 'x\nstart\n1\n2\nend\ny\n' },
  { args: ['/^$/d'], stdin: 'a\n\n\nb\n' },
  { args: ['/^\\s*#/d;/^$/d'], stdin: '# c\na\n  # d\n\nb\n' },
  { args: ['s/#.*//'], stdin: 'a # c\n' },
  { args: ['s/\\(.*\\)=\\(.*\\)/\\2=\\1/'], stdin: 'k=v\n' },
  { args: ['s/[A-Z]/\\l&/g'], stdin: 'HeLLo\n' },
  { args: ['s/\\w\\+/\\u&/g'], stdin: 'hello big world\n' },
  { args: ['s/\\(\\w\\+\\) \\(\\w\\+\\)/\\U\\2\\E \\1/'], stdin: 'hello world\n' },
  { args: ['s/.*/"&"/'], stdin: 'x\n' },
  { args: ['s/"//g'], stdin: '"a" "b"\n' },
  { args: ["s/'/\"/g"], stdin: "'a'\n" },
  { args: ['y/\\n/ /'], stdin: 'a\n' },
  { args: ['N;y/\\n/ /'], stdin: 'a\nb\n' },
  { args: ['s/a/b/', 'nosuch'] },
);

oracleTests('sed', sed, '/usr/bin/sed', new URL('./sed.oracle.json', import.meta.url).pathname, cases, 'sed');
