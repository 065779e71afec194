import { flat } from '../clock/clock.ts';

/** An in-memory filesystem of one machine: files with text content, directories, paths as on Linux. */
export class FileSystem {
  /** Content, or a function giving it: a file that is laid down but seldom read is made on its first read. */
  private files = new Map<string, string | (() => string)>();
  private dirs = new Set<string>(['/']);
  /** Bumped on every write: lets watchers (the kubelet's staticPodPath scan) notice changes cheaply. */
  version = 0;
  /** Told the path of every file written or removed (inotify, for the kubelet's staticPodPath watch). */
  onChange?: (path: string) => void;

  static normalize(path: string, cwd = '/'): string {
    const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
    const out: string[] = [];
    for (const seg of abs.split('/')) {
      if (!seg || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
    return '/' + out.join('/');
  }

  /** Why a write to `p` would fail (errno text), or undefined: a machine's own files are all writable. */
  writeError(_p: string): string | undefined {
    return undefined;
  }

  /** Whether a file may be created in directory `dir` (open's O_CREAT makes no directories). */
  canCreateIn(dir: string): boolean {
    return this.isDir(dir);
  }

  exists(p: string): boolean {
    return this.files.has(p) || this.dirs.has(p);
  }
  isDir(p: string): boolean {
    return this.dirs.has(p);
  }
  isFile(p: string): boolean {
    return this.files.has(p);
  }
  read(p: string): string | undefined {
    const v = this.files.get(p);
    if (typeof v !== 'function') return v;
    const content = flat(v());
    this.files.set(p, content);
    return content;
  }

  write(p: string, content: string): void {
    // Flat, shared strings: 5,000 machines hold the same kubelet config, manifests and unit files.
    this.put(p, flat(content));
  }

  /**
   * Writes a file whose content `make` gives when it is first read (the same for every read): a
   * machine's certificates and keys are laid down at boot and seldom looked at.
   */
  writeLazy(p: string, make: () => string): void {
    this.put(p, make);
  }

  private put(p: string, content: string | (() => string)): void {
    this.mkdirp(parentOf(p));
    this.files.set(flat(p), content);
    this.version++;
    this.onChange?.(p);
  }

  append(p: string, content: string): void {
    // Not flattened: a log appended to line by line would be copied whole at every line.
    this.put(p, (this.read(p) ?? '') + content);
  }

  mkdirp(p: string): void {
    let cur = '';
    for (const seg of p.split('/').filter(Boolean)) {
      cur += '/' + seg;
      if (!this.dirs.has(cur)) this.dirs.add(flat(cur));
    }
    this.version++;
  }

  remove(p: string): boolean {
    const ok = this.files.delete(p) || this.dirs.delete(p);
    if (ok) {
      this.version++;
      this.onChange?.(p);
    }
    return ok;
  }

  removeTree(p: string): void {
    for (const f of [...this.files.keys()]) if (f === p || f.startsWith(p + '/')) this.files.delete(f);
    for (const d of [...this.dirs]) if (d === p || d.startsWith(p + '/')) this.dirs.delete(d);
    this.version++;
    this.onChange?.(p);
  }

  /** Direct children names of a directory, sorted as `ls` does (C locale). */
  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : dir + '/';
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p.startsWith(prefix) && p !== dir) {
        const rest = p.slice(prefix.length);
        if (rest) names.add(rest.split('/')[0]);
      }
    }
    return [...names].sort();
  }

  /** All file paths under a directory. */
  walk(dir: string): string[] {
    const prefix = dir === '/' ? '/' : dir + '/';
    return [...this.files.keys()].filter((p) => p.startsWith(prefix)).sort();
  }
}

export function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
