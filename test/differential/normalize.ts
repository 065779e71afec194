/**
 * The only differences the differential suite forgives between the simulator's kubectl (which follows
 * kubectl v1.35) and a real kubectl v1.33 talking to `kubesim serve`. Each rule names what differs,
 * why, and its source; everything else must be identical. Transcripts are split into command blocks
 * (`$ command` + output) so rules apply only where they belong.
 *
 * `sim` = the simulator's own transcript, `real` = the one made with the real binary.
 */

export interface Rule {
  name: string;
  why: string;
  /** Applied to the output of one command (`cmd` is the command line without `$ `). */
  sim?: (out: string, cmd: string) => string;
  real?: (out: string, cmd: string) => string;
  both?: (out: string, cmd: string) => string;
}

/** duration.HumanDuration forms (apimachinery pkg/util/duration). */
const AGE = String.raw`(?:\d+y\d+d|\d+y|\d+d\d+h|\d+d|\d+h\d+m|\d+h|\d+m\d+s|\d+m|\d+s|<invalid>|<unknown>)`;
const AGE_CELL = new RegExp(`${AGE}(?: \\(x\\d+ over ${AGE}\\))?`);

const isCmd = (cmd: string, ...words: string[]) => {
  const parts = cmd.split(/\s+/).filter((w) => !w.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  return parts[0] === 'kubectl' && words.every((w, i) => parts[i + 1] === w);
};

/** Lines of the table that follows a header line matching `header`, up to a line `stop` says ends it. */
function mapTable(out: string, header: RegExp, row: (line: string) => string, stop: (line: string) => boolean): string {
  const lines = out.split('\n');
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (header.test(l)) {
      inTable = true;
      lines[i] = collapse(l);
      continue;
    }
    if (!inTable) continue;
    if (/^\s*-+(\s+-+)*\s*$/.test(l)) {
      lines[i] = collapse(l);
      continue;
    }
    if (stop(l)) {
      inTable = false;
      continue;
    }
    lines[i] = row(l);
  }
  return lines.join('\n');
}

function collapse(l: string): string {
  return l.replace(/(\S) {2,}/g, '$1 ').replace(/ +$/, '');
}

/** Rows of tabwriter tables whose order is Go map iteration order (random in kubectl). */
function sortRows(out: string, header: RegExp, rowStart: RegExp): string {
  const lines = out.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!header.test(lines[i])) continue;
    let j = i + 1;
    if (j < lines.length && /^\s*-+(\s+-+)*\s*$/.test(lines[j])) j++;
    let k = j;
    while (k < lines.length && rowStart.test(lines[k])) k++;
    const rows = lines.slice(j, k).sort();
    lines.splice(j, rows.length, ...rows);
    i = k - 1;
  }
  return lines.join('\n');
}

/**
 * describe configmap `Data` entries (`key:\n----\nvalue\n\n`) and describe secret `Data` rows
 * (`key:  N bytes`), sorted by key.
 */
function sortDataEntries(out: string): string {
  const lines = out.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== 'Data' || lines[i + 1] !== '====') continue;
    const start = i + 2;
    let end = start;
    while (end < lines.length && !(lines[end] === 'BinaryData' && lines[end + 1] === '====') && !lines[end].startsWith('Events:')) end++;
    const entries: { key: string; lines: string[] }[] = [];
    let pre: string[] = [];
    for (let k = start; k < end; k++) {
      if (/^.*:$/.test(lines[k]) && lines[k + 1] === '----') entries.push({ key: lines[k], lines: [lines[k]] });
      else if (entries.length) entries[entries.length - 1].lines.push(lines[k]);
      else pre.push(lines[k]);
    }
    if (entries.length === 0) {
      // A secret: one `key:\tN bytes` row (tab-aligned) a key; the token of a service-account token secret in full.
      let last = start;
      while (last < end && /^\S[^\n]*:\s+\S/.test(lines[last])) last++;
      lines.splice(start, last - start, ...lines.slice(start, last).sort());
      continue;
    }
    if (entries.length < 2) continue;
    // Each entry ends with the value's newline and one blank line; normalise the split points.
    const texts = entries.map((e) => e.lines.join('\n').replace(/\n*$/, ''));
    const sorted = entries.map((e, k) => ({ key: e.key, text: texts[k] })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // Blank lines around entries depend on which value ends the map; they are dropped on both sides.
    const body = sorted.map((e) => e.text.split('\n').filter((l) => l !== '').join('\n')).join('\n');
    lines.splice(start, end - start, ...pre.filter((l) => l !== ''), ...body.split('\n'));
    pre = [];
    i = start;
  }
  return lines.join('\n');
}

function sortLines(out: string): string {
  const lines = out.replace(/\n$/, '').split('\n');
  return lines.sort().join('\n') + (out.endsWith('\n') ? '\n' : '');
}

/** Sorts each run of consecutive lines matching `re`. */
function sortRuns(out: string, re: RegExp): string {
  const lines = out.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!re.test(lines[i])) continue;
    let j = i;
    while (j < lines.length && re.test(lines[j])) j++;
    lines.splice(i, j - i, ...lines.slice(i, j).sort());
    i = j;
  }
  return lines.join('\n');
}

/** Drops every `"managedFields":[…]` member (and its comma) from compact JSON, brackets matched outside strings. */
function dropManagedFields(out: string): string {
  const key = '"managedFields":[';
  let res = '';
  let i = 0;
  for (let at = out.indexOf(key); at >= 0; at = out.indexOf(key, i)) {
    let j = at + key.length;
    let depth = 1;
    let inStr = false;
    for (; j < out.length && depth > 0; j++) {
      const c = out[j];
      if (inStr) {
        if (c === '\\') j++;
        else if (c === '"') inStr = false;
      } else if (c === '"') inStr = true;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
    }
    let start = at;
    if (out[j] === ',') j++;
    else if (out[start - 1] === ',') start--;
    res += out.slice(i, start);
    i = j;
  }
  return res + out.slice(i);
}

export interface VersionFacts {
  sim: Record<string, string>;
  real: Record<string, string>;
}

export function rules(versions: VersionFacts): Rule[] {
  return [
    {
      name: 'delete message namespace suffix',
      why: 'kubectl v1.34+ prints `pod "x" deleted from default namespace`; v1.33 prints `pod "x" deleted` (kubectl commit 2fa4a24, "show namespace on delete", first tag kubernetes-1.34.0; k8s-fidelity.md table).',
      sim: (out) => out.replace(/ deleted from \S+ namespace/g, ' deleted'),
    },
    {
      name: 'creationTimestamp: null',
      why: 'kubectl v1.33 prints `creationTimestamp: null` for objects built on the client (--dry-run=client -o yaml/json); v1.34+ omits it (apimachinery commit 503b989, `omitzero`; k8s-fidelity.md table).',
      real: (out) => {
        const lines = out.split('\n');
        const kept: string[] = [];
        const indent = (l: string) => l.length - l.trimStart().length;
        for (let i = 0; i < lines.length; i++) {
          const l = lines[i];
          if (/^\s*creationTimestamp: null$/.test(l)) {
            // `metadata:` left without children is an empty mapping: `metadata: {}` (as v1.34+ prints it).
            const prev = kept[kept.length - 1];
            const next = lines[i + 1] ?? '';
            if (prev !== undefined && /:$/.test(prev) && indent(prev) < indent(l) && indent(next) <= indent(prev)) kept[kept.length - 1] = `${prev} {}`;
            continue;
          }
          if (/^\s*"creationTimestamp": null,?$/.test(l)) {
            const prev = kept[kept.length - 1];
            const next = lines[i + 1] ?? '';
            if (prev !== undefined && /\{$/.test(prev) && /^\s*\},?$/.test(next)) {
              kept[kept.length - 1] = `${prev}}${next.trim().endsWith(',') ? ',' : ''}`;
              i++;
              continue;
            }
            if (!l.endsWith(',') && kept.length) kept[kept.length - 1] = kept[kept.length - 1].replace(/,$/, '');
            continue;
          }
          kept.push(l);
        }
        return kept.join('\n');
      },
    },
    {
      name: 'client build metadata',
      why: '`kubectl version` reports the client binary itself (v1.33.1, Kustomize v5.6.0, its commit, build date, Go version) and warns about the v1.33/v1.35 skew; the simulator is a v1.35.0 client (kubectl pkg/cmd/version/version.go).',
      real: (out, cmd) => {
        if (!isCmd(cmd, 'version')) return out;
        let t = out.replace(/^WARNING: version difference between client .*\n?/m, '');
        for (const [k, v] of Object.entries(versions.real)) if (v && versions.sim[k] && v !== versions.sim[k]) t = t.split(v).join(versions.sim[k]);
        return t;
      },
    },
    {
      name: 'the machine\'s kubectl package',
      why: 'The simulator\'s kubectl reports the kubectl package installed on the machine it runs on (apt-get install kubectl=1.35.1-1.1 changes it; a `# version:` cluster starts with that version), while the real client is one fixed binary: the client\'s version lines (text `Client Version:`/`Kustomize Version:`, the clientVersion JSON/YAML fields, and what `--client … | grep gitVersion` keeps) are compared as <client>. The simulator\'s own transcript pins them.',
      both: (out, cmd) => {
        if (!isCmd(cmd, 'version')) return out;
        let t = out.replace(/^(Client Version: ).*$/gm, '$1<client>').replace(/^(Kustomize Version: ).*$/gm, '$1<client>');
        t = t.replace(/("?clientVersion"?:\s*\{)([^}]*)(\})/g, (_m, a: string, body: string, c: string) => a + body.replace(/("?(?:major|minor|gitVersion|gitCommit|gitTreeState|buildDate|goVersion|compiler|platform)"?:\s*)"?[^",\n]*"?/g, '$1<client>') + c);
        t = t.replace(/^(\s*"?kustomizeVersion"?:\s*)"?[^",\n]*"?/gm, '$1<client>');
        if (/(^|\s)--client(\s|=|$)/.test(cmd)) t = t.replace(/("?(?:gitVersion|major|minor)"?:\s*)"[^"]*"/g, '$1<client>');
        return t;
      },
    },
    {
      name: 'attach through kubesim serve',
      why: 'kubesim serve has no pods/attach stream, so real `kubectl run -i/--attach` warns and falls back to the logs (kubectl pkg/cmd/run/run.go handleAttachPod: "warning: couldn\'t attach to pod/NAME, falling back to streaming logs: …"); the simulator\'s kubectl attaches. The warning line is dropped from real kubectl\'s side; the output after it is compared.',
      // By its text alone: a command whose output ends without a newline carries the next command's line.
      real: (out) => out.replace(/^warning: couldn't attach to pod\/\S+, falling back to streaming logs: the server could not find the requested resource\n/gm, ''),
    },
    {
      name: 'etcd snapshot size',
      why: 'An etcd snapshot\'s size is that of the stored objects, and objects written by real kubectl through kubesim serve carry managedFields that the simulator\'s own kubectl does not record (server-side field tracking is only wired for serve); the size (etcdctl snapshot save\'s "size" log field, etcdutl snapshot status\'s TOTAL SIZE cell) is compared as <size>.',
      both: (out) => out.replace(/("size":")\d+(?:\.\d+)? [kMG]?B(")/g, '$1<size>$2').replace(/^(\|\s*[0-9a-f]{8}\s*\|\s*\d+\s*\|\s*\d+\s*\|\s*)\d+(?:\.\d+)? [kMG]?B(\s*\|)/gm, '$1<size>$2'),
    },
    {
      name: 'managedFields in compact JSON',
      why: 'The same cause as the etcd snapshot size: objects written by real kubectl through kubesim serve carry metadata.managedFields (serve\'s field manager), which the simulator\'s own kubectl does not record. Where the whole object is printed as compact JSON — etcdctl get of a stored object, kubectl apply\'s "creating patch with: … current:" error — the `"managedFields":[…]` member is dropped on both sides.',
      both: (out) => (out.includes('"managedFields":[') ? dropManagedFields(out) : out),
    },
    {
      name: 'client-side ages',
      why: 'kubectl describe (event Age, "(xN over …)", node pod ages) and kubectl events (LAST SEEN) compute ages on the client from the machine clock (describe.go translateTimestampSince, events.go), which a Go binary cannot be made to read from the simulated clock; the cells are replaced by <age> and the tables re-spaced. Ages printed by the server (kubectl get) are compared as they are.',
      both: (out, cmd) => {
        if (isCmd(cmd, 'describe')) {
          const eventAge = new RegExp(`^(\\s+\\S+\\s+\\S+\\s+)${AGE_CELL.source}`);
          let t = mapTable(out, /^\s*Type\s+Reason\s+Age\s+From\s+Message/, (l) => collapse(l.replace(eventAge, '$1<age>')), (l) => !/^\s{2}\S/.test(l));
          t = mapTable(t, /^\s*Namespace\s+Name\s+CPU Requests\s+CPU Limits\s+Memory Requests\s+Memory Limits\s+Age/, (l) => collapse(l.replace(new RegExp(`${AGE}\\s*$`), '<age>')), (l) => !/^\s{2}\S/.test(l));
          // An event row whose header a pipe cut off (`kubectl describe pod x | tail -1`).
          if (/\|/.test(cmd) && !/^\s*Type\s+Reason\s+Age\s+From\s+Message/m.test(out)) t = t.replace(new RegExp(`^(\\s+(?:Normal|Warning)\\s+\\S+\\s+)${AGE_CELL.source}(\\s+.*)$`, 'gm'), (_m, a: string, b: string) => collapse(`${a}<age>${b}`));
          return t;
        }
        if (isCmd(cmd, 'events')) {
          const t = mapTable(out, /^LAST SEEN\s+TYPE/, (l) => collapse(l.replace(new RegExp(`^${AGE_CELL.source}`), '<age>')), () => false);
          return mapTable(t, /^NAMESPACE\s+LAST SEEN\s+TYPE/, (l) => collapse(l.replace(new RegExp(`^(\\S+\\s+)${AGE_CELL.source}`), '$1<age>')), () => false);
        }
        return out;
      },
    },
    {
      name: 'event message fieldPath prefix',
      why: 'kubectl v1.35 describe prefixes event messages with the involved object\'s fieldPath (`spec.containers{c}: Pulling image …`, kubectl PR #133627); v1.33 prints the message alone.',
      sim: (out, cmd) => (isCmd(cmd, 'describe') ? out.replace(/spec\.(?:initContainers|containers|ephemeralContainers)\{[^}]*\}: /g, '') : out),
    },
    {
      name: 'kubectl diff temp directories and file times',
      why: 'kubectl diff writes the two versions to os.MkdirTemp("", "LIVE-") and ("", "MERGED-") (kubectl pkg/cmd/diff/diff.go CreateDirectory: a random number after the dash) and GNU diff -u prints each file\'s modification time from the machine clock; the simulator numbers the directories with its temp-file counter and dates the files by its simulated clock. Both become /tmp/LIVE-N, /tmp/MERGED-N and <mtime> (the epoch date diff -N gives an absent file stays).',
      both: (out, cmd) =>
        /(^|\s)kubectl(\s|$)/.test(cmd) && /(^|\s)diff(\s|$)/.test(cmd)
          ? out.replace(/\/tmp\/(LIVE|MERGED)-\d+\//g, '/tmp/$1-N/').replace(/^((?:---|\+\+\+) \S+\t)(?!1970-01-01 )\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} [+-]\d{4}$/gm, '$1<mtime>')
          : out,
    },
    {
      name: 'klog header',
      why: 'klog lines (`E0115 09:15:00.000381    1368 memcache.go:265] …`) carry the machine\'s wall clock and the process id (k8s.io/klog/v2 header format).',
      both: (out) => out.replace(/^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ /gm, '$10000 00:00:00.000000 PID '),
    },
    {
      name: 'map iteration order in describe limitrange',
      why: 'describeLimitRangeSpec ranges over Go maps of resource names, so real kubectl prints the rows of one type in random order (kubectl pkg/describe/describe.go); rows are sorted on both sides.',
      both: (out, cmd) => (isCmd(cmd, 'describe') ? sortRows(out, /^\s*Type\s+Resource\s+Min\s+Max\s+Default Request/, /^\s*(Container|Pod|PersistentVolumeClaim)\s/) : out),
    },
    {
      name: 'map iteration order in describe configmap and secret',
      why: 'kubectl v1.33 describeConfigMap and describeSecret range over the Data map (random order); later versions sort the keys (slices.Sorted(maps.Keys(…)), kubectl pkg/describe/describe.go); entries are sorted on both sides.',
      both: (out, cmd) => (isCmd(cmd, 'describe') ? sortDataEntries(out) : out),
    },
    {
      name: 'parallel evictions in drain',
      why: 'kubectl drain evicts the pods in parallel, one goroutine each (kubectl pkg/drain/drain.go evictPods), so the order of its `evicting pod …` and `pod/… evicted` lines is not defined; each group is sorted on both sides.',
      both: (out, cmd) => {
        if (!isCmd(cmd, 'drain')) return out;
        const lines = out.split('\n');
        const idx = lines.map((l, k) => (/^evicting pod |^pod\/\S+ evicted$|^error when evicting /.test(l) ? k : -1)).filter((k) => k >= 0);
        if (idx.length < 2) return out;
        const group = idx.map((k) => lines[k]);
        const evicting = group.filter((l) => l.startsWith('evicting pod ')).sort();
        const rest = group.filter((l) => !l.startsWith('evicting pod ')).sort();
        const ordered = [...evicting, ...rest];
        idx.forEach((k, n) => (lines[k] = ordered[n]));
        return lines.join('\n');
      },
    },
    {
      name: 'events -o name',
      why: 'kubectl v1.33 `events -o name` prints nothing (the typed Events it lists carry no kind, so the name printer skips them); later kubectl sets the Event kind on each item first (kubectl pkg/cmd/events/events.go `e.SetGroupVersionKind(… Kind: "Event")`) and prints event/NAME lines, as the simulator does. The simulator\'s lines are dropped.',
      sim: (out, cmd) => (isCmd(cmd, 'events') && /(^|\s)(-o\s*name|--output[= ]name)(\s|$)/.test(cmd) ? out.replace(/^event\/\S+\n/gm, '') : out),
    },
    {
      name: 'client-side timestamps in annotations',
      why: 'kubectl rollout restart stamps `kubectl.kubernetes.io/restartedAt` with the client\'s wall clock (polymorphichelpers/objectrestarter.go time.Now()), which a Go binary cannot be given; the value is replaced by <time>.',
      both: (out) => out.replace(/("?kubectl\.kubernetes\.io\/restartedAt"?:\s*"?)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, '$1<time>'),
    },
    {
      name: 'rollout restart twice within a second',
      why: 'kubectl rollout restart refuses when the restartedAt it would write equals the one already there (polymorphichelpers/objectrestarter.go, second resolution of the client\'s wall clock); the simulator\'s clock stands still between two commands, real kubectl\'s may pass a second. The refusal is read as the success on both sides (the scenario does it last, so the extra ReplicaSet a second success makes is not listed).',
      both: (out, cmd) =>
        isCmd(cmd, 'rollout')
          ? out.replace(/^error: failed to create patch for (\S+): if restart has already been triggered within the past second, please wait before attempting to trigger another$/gm, 'deployment.apps/$1 restarted')
          : out,
    },
    {
      name: 'map iteration order in label/annotate --list',
      why: 'kubectl label/annotate --list range over the object\'s label/annotation map (kubectl pkg/cmd/label/label.go, annotate.go), so real kubectl prints them in random order; the lines are sorted on both sides.',
      both: (out, cmd) => ((isCmd(cmd, 'label') || isCmd(cmd, 'annotate')) && /(^|\s)--list(\s|=|$)/.test(cmd) ? sortLines(out) : out),
    },
    {
      name: 'map iteration order in label/annotate overwrite errors',
      why: 'kubectl label/annotate check the new keys against the object by ranging over their map (kubectl pkg/cmd/label/label.go validateNoOverwrites, annotate.go likewise), so real kubectl lists the "\'k\' already has a value (v), and --overwrite is false" errors in random order; the simulator sorts them. Each run of them is sorted on both sides.',
      both: (out, cmd) => (isCmd(cmd, 'label') || isCmd(cmd, 'annotate') ? sortRuns(out, /already has a value \(.*\), and --overwrite is false$/) : out),
    },
    {
      name: 'map iteration order in set env --from warnings',
      why: 'kubectl set env --from ranges over the ConfigMap\'s or Secret\'s Data map and warns for each key it renames (kubectl pkg/cmd/set/set_env.go: "Warning: key K transferred to NAME"), so real kubectl prints those lines in random order; each run of them is sorted on both sides.',
      both: (out, cmd) => (isCmd(cmd, 'set') ? sortRuns(out, /^Warning: key \S+ transferred to \S+$/) : out),
    },
    {
      name: 'map iteration order in drain errors',
      why: 'kubectl drain groups the pods it cannot delete, and the ones it warns about, by reason in a map (kubectl pkg/drain/filters.go PodDeleteList.errors/Warnings), so the `cannot delete …` reasons and the `Warning: a; b` parts come in random order; they are sorted on both sides.',
      both: (out, cmd) => {
        if (!isCmd(cmd, 'drain')) return out;
        const t = out
          .replace(/\[(cannot delete [^\]]*)\]/g, (_m, inner: string) => `[${inner.split(/, (?=cannot delete )/).sort().join(', ')}]`)
          .replace(/^Warning: (.*)$/gm, (_m, w: string) => `Warning: ${w.split('; ').sort().join('; ')}`);
        return sortRuns(t, /^cannot delete /);
      },
    },
    {
      name: 'map iteration order in logs --all-containers',
      why: 'kubectl logs consumes its per-container requests by ranging over a map (kubectl pkg/cmd/logs/logs.go sequentialConsumeRequest), so with --all-containers the containers come in random order; the lines are sorted on both sides.',
      both: (out, cmd) => (isCmd(cmd, 'logs') && /--all-containers(\s|=true|$)/.test(cmd) ? sortLines(out) : out),
    },
    {
      name: 'container not valid: list of containers',
      why: 'kubectl after v1.33 appends ` out of: a, b, c (init)` to `container X is not valid for pod P` (kubectl pkg/cmd/util/podcmd/podcmd.go FindOrDefaultContainerByName).',
      sim: (out) => out.replace(/(container \S+ is not valid for pod \S+) out of: .*$/gm, '$1'),
    },
  ];
}

/** Split a transcript into command blocks: [command line, output]. */
export function blocks(transcript: string): { cmd: string; out: string }[] {
  const out: { cmd: string; out: string }[] = [];
  let cur: { cmd: string; out: string } = { cmd: '', out: '' };
  for (const line of transcript.split(/(?<=\n)/)) {
    if (line.startsWith('$ ')) {
      out.push(cur);
      cur = { cmd: line.slice(2).replace(/\n$/, ''), out: '' };
    } else cur.out += line;
  }
  out.push(cur);
  return out.filter((b, i) => i > 0 || b.out);
}

export function normalize(transcript: string, side: 'sim' | 'real', rs: Rule[]): string {
  return blocks(transcript)
    .map(({ cmd, out }) => {
      let t = out;
      for (const r of rs) {
        const f = side === 'sim' ? r.sim : r.real;
        if (f) t = f(t, cmd);
        if (r.both) t = r.both(t, cmd);
      }
      return (cmd ? `$ ${cmd}\n` : '') + t;
    })
    .join('');
}
