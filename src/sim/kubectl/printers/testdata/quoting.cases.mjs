// Generates the case list for quoting.json: node quoting.cases.mjs > /tmp/c.json &&
// node ../../yaml/testdata/oracle/capture.mjs /tmp/c.json quoting.json
const vals = [
 '80','8080','true','false','1.0','','y','Y','yes','Yes','YES','yES','on','On','oN','ON','off','Off','OFF','n','N','no','No','NO','True','TRUE','tRUE','False','null','Null','NULL','nULL','~',
 '0','00','08','09','0777','0x1F','0X1f','0o17','0b101','0b','0x','1_000','_1','+1','-1','+','-','- ','-x','--x','---','--- x','...','.','.5','5.','1e5','1E5','1e+5','1e400','-.5e-3','.inf','-.inf','+.inf','.Inf','.nan','.NaN','NaN','inf','Infinity','-0','+0','0.0','1.2.3','127.0.0.1','10.0.0.0/24',
 '9223372036854775807','9223372036854775808','18446744073709551615','18446744073709551616','-9223372036854775808','-9223372036854775809',
 'http://x:80/y','key=value','a: b','a:b','a :b','a: ','a:','::','? x','?x','?',':x',': x','[a]','a[b]','{a}','a{b}','a,b','a, b','@x','`x','%x','!x','&x','*x','|x','>x',"'x",'"x','#x','a #b','a#b','a# b',' ','  ',' x','x ','x  y','=','<<','<< x',
 '2001-12-14t21:59:43.10-05:00','2002-12-14','2024-02-30','2024-02-29','2023-02-29','2024-1-1','2024-01-01T00:00:00Z','2024-01-01T00:00:00','2024-01-01 10:00:00','2024-01-01 10:00:00Z','2024-13-01','12:30','1:2:3','190:20:30','-1:30','1:60','1:30.5','20240101',
 'a\nb','a\nb\n','a\nb\n\n','\na','\n','\n\n','a\n\nb',' a\nb','a \nb','a\n b','a\n b\n','a\tb','\tx','x\t','a\rb','a\r\nb','a\u0085b','a\u00a0b','a\u2028b','\u00a0','\ufeffa','a\u0001b','a\u007fb','a\bb','a\fb','a\vb','a\u001bb','a\\b','\\','a"b',"a'b","'","a''b",'"',
 '한국어','키: 값','안녕 세상','😀','a😀b','é','日本',
 'word '.repeat(20).trim(), 'x'.repeat(100), ('long text with spaces ').repeat(6).trim() + ': colon', ('quote\'s here ').repeat(10).trim(), '#' + ' hash'.repeat(30), ('tab\there ').repeat(12).trim(), ('line one\n').repeat(3) + ('wide '.repeat(25)), 'a'.repeat(79) + ' b', 'a'.repeat(80) + ' b', 'a'.repeat(81) + ' b c d',
 '   lead and trail   ', '- '.repeat(50), 'a  '.repeat(40),
 'a\u0085\u0085b','a \u0085 b','\u0085a','a\u0085','a\u0085\u0085\u0085b','x\u0085y\u0085z','a\u00ff\u00e9',
];
const cases = vals.map((v, i) => ({ id: 'v' + String(i).padStart(3, '0'), value: v, args: ['create', 'configmap', 'x', '--from-literal=k=' + v, '--dry-run=client', '-o', 'yaml'] }));
const cases2 = vals.filter(v => /[<>&\u2028\b\f\u0001\u007f\u001b"\\😀한é\t\r\n]/.test(v) || v === '').map((v, i) => ({ id: 'j' + String(i).padStart(3, '0'), value: v, args: ['create', 'configmap', 'x', '--from-literal=k=' + v, '--dry-run=client', '-o', 'json'] }));
cases2.push({id: 'jhtml', value: '<a href="x">&amp;</a> \u2028 \u2029', args: ['create','configmap','x','--from-literal=k=<a href="x">&amp;</a> \u2028 \u2029','--dry-run=client','-o','json']});
const keys = ['a10','a9','a-1','a_1','A','b','B','1','10','2','_x','.x','-x','key.10','key.9','key.09','a01','a1','a001','Z','z','x1y','x01y','x1','x-1','x.1','x_1','aa','a.a','a-a','a_a','ab1c2','ab1c10','ab01c2','v1.2.10','v1.2.9','0','00','007','7','-','_','Aa','aA','ba','ab'];
cases.push({ id: 'keys', keys, args: ['create', 'configmap', 'x', ...keys.map(k => '--from-literal=' + k + '=v'), '--dry-run=client', '-o', 'yaml'] });
cases2.push({ id: 'keysjson', keys, args: ['create', 'configmap', 'x', ...keys.map(k => '--from-literal=' + k + '=v'), '--dry-run=client', '-o', 'json'] });
console.log(JSON.stringify([...cases, ...cases2]));
