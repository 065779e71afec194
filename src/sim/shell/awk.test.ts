/**
 * awk against mawk 1.3.4 (/usr/bin/mawk, which /usr/bin/awk points to): every case runs through the
 * model and the real mawk (argv[0] `awk`, or `mawk`, the name it prints) on the same input
 * (oracle.testlib.ts); without the binary, the recorded results in awk.oracle.json. Cases whose output
 * depends on `for (k in a)` order (mawk's hash tables) are left out: the model visits keys in
 * insertion order.
 */
import { oracleTests, type Case } from './oracle.testlib.ts';
import { awk } from './awk.ts';

const PODS = `NAMESPACE     NAME                               READY   STATUS    RESTARTS   AGE
kube-system   coredns-668d6bf9bc-7xk2p           1/1     Running   0          5m
kube-system   etcd-controlplane                  1/1     Running   0          5m
default       web-7d4b9c8f6d-abcde               0/1     Pending   0          10s
default       web-7d4b9c8f6d-fghij               1/1     Running   2 (3m ago) 20m
`;
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nubuntu:x:1000:1000::/home/ubuntu:/bin/bash\n';
const NUMS = '3 apples 1.5\n10 pears 0.25\n7 plums 2\n';

const PROGS = [
  '{print $2}', '{print $1, $NF}', 'NR>1 {print $2}', '/Running/ {n++} END {print n}', '$4 == "Running" {print $2}', '$4 != "Running" && NR > 1',
  '{print NF}', '{print $(NF-1)}', 'NR==1', 'NR==2, NR==3', '/coredns/,/etcd/', 'END {print NR}', 'END {print $0}', '{$2 = "X"; print}',
  '{$1 = ""; print}', '{$7 = "new"; print; print NF}', '{NF = 2; print}', 'BEGIN {OFS = "|"} {$1 = $1; print}', '{print $1 > "/dev/stderr"}',
  '{print length($2), length()}', '{print toupper($4), tolower($1)}', '{print substr($2, 1, 7)}', '{print index($2, "-")}',
  '{sub(/-[a-z0-9]+$/, "", $2); print $2}', '{n = gsub(/e/, "E"); print n, $0}', '{gsub(/[0-9]+/, "<&>", $2); print $2}',
  'match($2, /[0-9]+/) {print RSTART, RLENGTH, substr($2, RSTART, RLENGTH)}', '{split($3, r, "/"); print r[1] + 0 < r[2] + 0 ? "notready" : "ready"}',
  '{printf "%-15s %s\\n", $2, $4}', '{printf "%5d|%-5d|%05d\\n", NR, NR, NR}', 'NR > 1 {s += $5} END {print "restarts:", s}',
  'NR > 1 {c[$1]++} END {print c["default"], c["kube-system"]}', '$1 ~ /^kube/', '$1 !~ /^kube/', '!/Running/', 'NF > 6',
  '{ if ($3 == "1/1") print "ok", $2; else print "bad", $2 }', '{ while (i < 2) { i++; print i } }', 'END { for (i = 1; i <= 3; i++) print i * i }',
  'NR == 2 { exit } { print }', 'NR == 2 { exit 3 } { print } END { print "end" }', 'NR % 2 == 0', '{ print NR ": " $0 }', '{print $2 " is " $4}',
  'BEGIN { print "start" } END { print "done" }', 'function strip(s) { sub(/-.*/, "", s); return s } NR > 1 { print strip($2) }',
  'NR > 1 { split($2, p, "-"); print p[1], length(p) }', '{ $0 = toupper($0); print $1 }', '{ print; next; print "never" }',
  '{ a[NR] = $2 } END { for (i = NR; i > 0; i--) print a[i] }', 'NR > 1 && !seen[$1]++ { print $1 }', '{ print ($5 > 1), ($5 > "1") }',
  '{ x = $5 + 0; print x }', 'END { print length(PODS) }', '{ printf("%s,%s\\n", $1, $2) }', '{ print $1 "" $2 }', 'BEGIN { getline; print "first:", $1 }',
  'NR == 1 { getline x; print "x=" x; print $1 }', '{ getline; print }', 'length > 70', 'length($0) < 70', '{ print (NR == 1 ? "header" : "row") }',
  '{ $3 = ""; $4 = ""; print NF, $0 }', 'BEGIN { FS = "  +" } { print $2 }', 'BEGIN { RS = "" } { print NR, NF }',
];

const BEGINS = [
  'print 1/3, 100000000, 1e6, 1e17, 0.1+0.2, 2^53, -0, 2^31, 2^31-1, -2^31, 123456.789, 1234567.89, -0.0000001',
  'printf "%d %5.2f|%-5s|%x %o %c %e %g %i\\n", 3.9, 3.14159, "ab", 255, 8, 65, 1234.5, 0.0001, 7',
  'printf "%5.1s|%.3d|%+d|% d|%05d|%#x|%#o|%X|%u\\n", "abc", 5, 3, 3, 42, 255, 8, 255, 7', 'printf "%.3s|%*d|%-*d|\\n", "abcdef", 5, 42, 4, 7',
  'printf "%e %E %g %G %.2e %.0f %.10g\\n", 123.456, 0.000123, 1e-5, 1e20, 9.999, 2.5, 1/3', 'printf "%g %g %g %g %#g\\n", 100000, 1000000, 0.0001, 0.00001, 1.5',
  'printf "%d %d %d\\n", "3abc", 2^40, -2^40', 'printf "%c%c%c|\\n", 256+65, "hi", 66', 'printf "%s %s\\n", 1/3, 100', 'printf "%5s|%-5d|%e\\n", "ab", 3, 0',
  'printf "%%|\\n"', 'printf "%s"', 'printf("%s %s\\n", "a")', 'x = sprintf("%03d-%s", 7, "x"); print x',
  'print substr("hello",2,3), substr("hello",0), substr("hello",-1,3), substr("hello",0,2), substr("hello",1.5), substr("hello",2.5,2), substr("hello",3,-1), substr("hello",6), substr("hello",5,10), substr("hello",-2,4)',
  'print index("abc","c"), index("abc",""), index("", "a"), toupper("mIx"), tolower("MiX")', 'n = split("a:b:c", arr, ":"); print n, arr[1], arr[3]',
  'n=split("  a b  c ", a); print n, a[1], a[3]; n=split("a1b22c", b, /[0-9]+/); print n, b[3]; n=split("", c); print n; n=split("abc", d, ""); print n, d[2]',
  's="aaa"; n=gsub(/a*/,"-",s); print n, s; t="hello"; gsub(/l/,"[&]",t); print t; u="abc"; gsub("", "-", u); print u; v="a.b"; gsub(".", "x", v); print v; w="ab"; sub(/b/, "\\\\&", w); print w',
  'print match("foobar", /o+/), RSTART, RLENGTH; print match("x", /y/), RSTART, RLENGTH', 'print length(12345), length(1/4), length()',
  'print "0x1A"+0, " 12 "+0, "1e3"+0, ".5"+0, "+3"+0, "3x"+0, "x3"+0', 'x=" 1e3 "; print (x==1000), (x+0==1000)', 'print 1==1.0, "a"<"b", 2<10, "2"<"10", "abc" < "abd"',
  'x; print x+0, x "", length(x), (x == 0), (x == "")', 'print int(-3.7), int("4.9x"), int(3)', 'print 10 % 3, -7 % 3, 7.5 % 2, 2^10, 2^0.5, -2^2',
  'a="x"; a = a a a; print a', 'print 1 " " 2, 1 -1, 3 " " -1', '$0 = "a b c"; print NF; $5="e"; print; print NF; NF=2; print',
  'x["a"]=1; delete x["a"]; print length(x), ("a" in x)', 'x[1]; x[2]; delete x; print length(x)', 'a[1,2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] }; print ((1,2) in a)',
  'while (i < 3) { i++; if (i == 2) continue; print i }; do { j++ } while (j < 5); print j', 'for (;;) { if (++k > 3) break }; print k',
  'print length("héllo"), toupper("é")', 'print sqrt(16), exp(0), log(1), int(sin(0)), atan2(0, -1) > 3', 'CONVFMT="%.2g"; x=3.14159; y=x ""; print y; print x',
  'OFMT="%.2f"; print 3.14159, 3.14159 ""', 'x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x ^= 2; print x', 'x = y = 3; print x, y, x++ + ++y, x, y',
  'print !0, !1, !"", !"a", -"3"', 'print 1e3, 1E-2, .5, 5., 0x10', 'print "a\\tb\\\\c\\"d\\/e\\101"', 'print "tab:" "\\t" "|"',
  's = "The Quick"; if (s ~ "Q[a-z]+") print "yes"; if (s ~ /^the/) print "no"', 'print ("abc" ~ /b/) ("abc" ~ "^b")', 'if (!(3 in a)) print "absent"; print length(a)',
  'exit 4', 'exit; print "x"', 'print "a" > "/dev/stdout"', 'printf "x" > "/dev/stderr"; print "y"', 'print length', 'print substr("kubectl", 5)',
  'print 1/0', 'print 5 % 0, log(-1)', 'getline line < "nonexist"; print "ok"', 'while ((getline l < "/nonexist") > 0) n++; print n+0, (getline l < "/nonexist")',
  'print ENVIRON["HOME"]', 'print ARGC, ARGV[0]', 'print -3 % 2, 7%3', 'a = "10"; b = 9; print (a < b), (a+0 < b)', 'print 1,2 > "out.txt"; close("out.txt"); while ((getline l < "out.txt") > 0) print "read:", l',
  'print "x" >> "log.txt"; print "y" >> "log.txt"', 'print toupper(substr("abc", 2))', 'print index("foo","o"); print int(-3.7)',
];

const ERRORS = [
  '{print $2', 'BEGIN{print 1', '{print $2}}', 'BEGIN{x=}', '{print $1 +}', 'BEGIN { foo( }', '{ print > }', 'BEGIN{ x = "abc }', 'BEGIN{ x = /abc }',
  'BEGIN{f(1)}', 'function f(x){return} BEGIN{f(1,2)}', 'BEGIN{a=1; a[1]=2}', 'BEGIN{a[1]=2; print a}', 'BEGIN { next }', 'BEGIN { print 2**3 }',
  'BEGIN{print "a" "b" )}', 'BEGIN {\nx = 1 +\n}', '{ print $1 } garbage here', 'BEGIN { if (x) }', 'BEGIN { return 1 }', 'BEGIN { break }',
  '{ print $1 ', 'BEGIN { x = 1; y = 2 ', 'BEGIN { @ }', '{print $-1}',
];

const cases: Case[] = [];
for (const p of PROGS) cases.push({ args: [p], stdin: PODS });
for (const b of BEGINS) cases.push({ args: [`BEGIN { ${b} }`] }, { args: [`BEGIN { ${b} }`], name: 'mawk' });
for (const e of ERRORS) cases.push({ args: [e], stdin: 'a b\n' }, { args: [e], stdin: 'a b\n', name: 'mawk' });
cases.push(
  { args: ['-F:', '{print $1, $7}'], stdin: PASSWD },
  { args: ['-F', ':', '$3 >= 1000 {print $1}'], stdin: PASSWD },
  { args: ['-F:', '-v', 'OFS=\t', '{print $1, $3}'], stdin: PASSWD },
  { args: ['-F', '\\t', '{print $2}'], stdin: 'a\tb c\td\n' },
  { args: ['-Ft', '{print $2}'], stdin: 'a\tb c\td\n' },
  { args: ['-F', '[/:]', '{print $2, $NF}'], stdin: PASSWD },
  { args: ['-F', '|', '{print $2}'], stdin: 'a|b|c\n' },
  { args: ['-F', '.', '{print $2}'], stdin: 'a.b.c\n' },
  { args: ['-F', ', *', '{print $2}'], stdin: 'a,  b,c\n' },
  { args: ['-v', 'n=2', 'NR == n'], stdin: NUMS },
  { args: ['-v', 'msg=hi\\tthere', 'BEGIN {print msg}'] },
  { args: ['-v', 'x=010', 'BEGIN {print x + 1, (x == 10)}'] },
  { args: ['-v', 'bad', 'BEGIN {print 1}'] },
  { args: ['{s += $1 * $3} END {printf "%.2f\\n", s}'], stdin: NUMS },
  { args: ['{print $1 * 2, $3 / 2, $1 % 4, -$1}'], stdin: NUMS },
  { args: ['$1 > 5'], stdin: NUMS },
  { args: ['$1 > "5"'], stdin: NUMS },
  { args: ['$3 < 1'], stdin: NUMS },
  { args: ['{ max = $1 > max ? $1 : max } END { print max }'], stdin: NUMS },
  { args: ['{print $2}', 'f1', 'f2'], files: { f1: 'a b\n', f2: 'c d\n' } },
  { args: ['{print FILENAME, FNR, NR}', 'f1', 'f2'], files: { f1: 'a b\nx y\n', f2: 'c d\n' } },
  { args: ['FNR == 1 {print FILENAME}', 'f1', 'f2'], files: { f1: 'a b\nx y\n', f2: 'c d\n' } },
  { args: ['{print}', 'nosuch'] },
  { args: ['{print}', 'f1', 'nosuch'], files: { f1: 'a\n' } },
  { args: ['END {print NR}', 'f1', 'nosuch'], files: { f1: 'a\n' } },
  { args: ['{print x, $0}', 'x=1', 'f1', 'x=2', 'f1'], files: { f1: 'a\n' } },
  { args: ['{print}', '-'], stdin: 'from stdin\n' },
  { args: ['-f', 'prog.awk', 'f1'], files: { f1: 'a b\n', 'prog.awk': '# comment\n{ print $2 }\n' } },
  { args: ['-f', 'nosuch.awk'] },
  { args: [] },
  { args: ['-k', '1'] },
  { args: ['-W', 'version'] },
  { args: ['--version'] },
  { args: ['-W', 'usage'] },
  { args: ['{print $1 > "out.txt"} END {print "done"}'], stdin: NUMS },
  { args: ['{print $1 >> "out.txt"}'], stdin: NUMS, files: { 'out.txt': 'old\n' } },
  { args: ['{print $2 > ($1 ".txt")}'], stdin: NUMS },
  { args: ['{print}'], stdin: 'no newline' },
  { args: ['{print NR}'], stdin: '' },
  { args: ['{print NR": "$0}'], stdin: 'a\n\nb\n' },
  { args: ['BEGIN {RS = ""} {print NR": "$1"|"$NF}'], stdin: 'a b\nc\n\n\nd e\nf\n' },
  { args: ['BEGIN {RS = ";"} {print NR": "$0}'], stdin: 'a;b;c' },
  { args: ['BEGIN {ORS = ","} {print $1} END {printf "\\n"}'], stdin: NUMS },
  { args: ['BEGIN {OFS = "-"} {print $1, $2}'], stdin: NUMS },
  { args: ['{ $2 = ""; print }'], stdin: '  a   b   c  \n' },
  { args: ['{ print NF, $1 }'], stdin: '  a   b   c  \n' },
  { args: ['{ $1 = $1 } 1'], stdin: '  a   b   c  \n' },
  { args: ['1'], stdin: 'x\ny\n' },
  { args: ['0'], stdin: 'x\ny\n' },
  { args: ['NR==1; NR==2 {print "two"}'], stdin: 'x\ny\n' },
  { args: ['/^#/ || /^$/ {next} {print}'], stdin: '# c\n\nline\n' },
  { args: ['/a\\/b/'], stdin: 'a/b\nab\n' },
  { args: ['/[0-9]+\\.[0-9]+/'], stdin: '1.5\n15\n' },
  { args: ['/^(web|db)-/'], stdin: 'web-1\ndb-2\napi-3\n' },
  { args: ['/x{2}/'], stdin: 'x\nxx\n' },
  { args: ['/[[:upper:]]/'], stdin: 'abc\naBc\n' },
  { args: ['/[\\/]/'], stdin: 'a/b\nab\n' },
  { args: ['$0 ~ "\\\\."'], stdin: 'a.b\nab\n' },
  { args: ['{ print $1, ($2 + 0 == $2) ? "num" : "str" }'], stdin: 'a 12\nb 1e2\nc 0x1A\nd abc\ne  \n' },
  { args: ['{ print ($1 == $2) }'], stdin: '1 1.0\n01 1\na a\n1e2 100\n' },
  { args: ['{ print ($1 < $2) }'], stdin: '9 10\nb a\n10 9x\n' },
  { args: ['{ print length }'], stdin: 'abc\n\nhello world\n' },
  { args: ['{ getline line < "f1"; print $0, line }', 'f2'], files: { f1: 'one\ntwo\n', f2: 'a\nb\nc\n' } },
  { args: ['NR==1 { while ((getline l) > 0) n++; print n, NR, l }'], stdin: 'a\nb\nc\n' },
  { args: ['{ print > "dir" }'], stdin: 'a\n', files: { 'dir/': '' } },
  { args: ['BEGIN { printf "%d items\\n", "12abc" }'] },
  { args: ['BEGIN { print substr("abc", 2, 1e10) }'] },
  { args: ['BEGIN { x = "A"; x = x + 1; print x }'] },
  { args: ['BEGIN { print length(x); x[1] = 1; print length(x) }'] },
  { args: ['function f(a) { a["k"] = 1 } BEGIN { f(arr); print arr["k"] }'] },
  { args: ['function f(n) { return n <= 1 ? 1 : n * f(n - 1) } BEGIN { print f(10) }'] },
  { args: ['function g(x, y) { y = x * 2; return y } BEGIN { y = 5; print g(3), y }'] },
  { args: ['function h() { return } BEGIN { x = h(); print "[" x "]" }'] },
);

oracleTests('awk', awk, '/usr/bin/mawk', new URL('./awk.oracle.json', import.meta.url).pathname, cases, 'awk');
