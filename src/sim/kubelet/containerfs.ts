/**
 * The files a running container can write: its own writable layer (gone when the container is
 * replaced) and the pod's emptyDir volumes mounted into it (kept for the pod's life on the node, and
 * shared by every container that mounts them — the sidecar pattern). The image's files, ConfigMap,
 * Secret and projected volumes are read through the container model (exec.ts), not kept here.
 */

/** The top-level directories of an image's root filesystem, by base image family. */
export const DEBIAN_ROOT = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];
export const BUSYBOX_ROOT = ['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'];
export const ALPINE_ROOT = ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

/** The base an image is built on, by repository (what decides its shell, tools and directories). */
export function family(repo: string): 'busybox' | 'alpine' | 'debian' {
  if (repo === 'docker.io/library/busybox') return 'busybox';
  if (repo === 'docker.io/library/alpine' || repo.endsWith(':alpine')) return 'alpine';
  return 'debian';
}

/** The root directory entries of an image (an alpine tag is built on alpine). */
export function imageRoot(repo: string, tag: string): readonly string[] {
  const fam = tag.includes('alpine') ? 'alpine' : family(repo);
  return fam === 'busybox' ? BUSYBOX_ROOT : fam === 'alpine' ? ALPINE_ROOT : DEBIAN_ROOT;
}
import { FileSystem } from '../shell/fs.ts';

/** Files with the simulated time each was last written (a web server's Last-Modified and ETag). */
export class TimedFiles extends FileSystem {
  private mtimes = new Map<string, number>();
  private now: () => number;

  constructor(now: () => number) {
    super();
    this.now = now;
  }

  override write(p: string, content: string): void {
    super.write(p, content);
    this.mtimes.set(p, this.now());
  }
  override append(p: string, content: string): void {
    super.append(p, content);
    this.mtimes.set(p, this.now());
  }
  /** When `p` was last written (ms), if it was. */
  mtime(p: string): number | undefined {
    return this.mtimes.get(p);
  }
}

/** A mount the container cannot write: marked readOnly, or a ConfigMap, Secret, projected or downward API volume. */
export function readOnlyMount(mount: { readOnly?: boolean }, volume: Record<string, unknown> | undefined): boolean {
  return !!(mount.readOnly || volume?.configMap || volume?.secret || volume?.projected || volume?.downwardAPI);
}

export interface WritableMount {
  /** Mount path inside the container, without a trailing slash. */
  path: string;
  /** The volume's files (an emptyDir's, or the node's for a hostPath), by path inside the volume. */
  volume: FileSystem;
  /** Where in the volume the mount starts: '' for its root, '/sub' for subPath: sub, the host path. */
  prefix: string;
  readOnly: boolean;
}

export class ContainerFiles extends TimedFiles {
  readonly mounts: WritableMount[];
  /** Mount paths of volumes a container cannot write (ConfigMap, Secret, projected, downward API). */
  private readOnlyPaths: string[];
  /** securityContext.readOnlyRootFilesystem. */
  private readOnlyRoot: boolean;

  /** The image's top-level directories (what a write may create in without the layer knowing it). */
  private imageRootDirs: readonly string[];

  constructor(mounts: WritableMount[], now: () => number, readOnly: { paths?: string[]; root?: boolean } = {}, imageRootDirs: readonly string[] = []) {
    super(now);
    this.readOnlyPaths = readOnly.paths ?? [];
    this.readOnlyRoot = !!readOnly.root;
    this.imageRootDirs = imageRootDirs;
    // Longest first: a mount inside another mount's path wins.
    this.mounts = [...mounts].sort((a, b) => b.path.length - a.path.length);
    for (const m of this.mounts) super.mkdirp(m.path);
  }

  /** The mount a path lies in, and the path inside its volume. */
  private route(p: string): [WritableMount, string] | undefined {
    for (const m of this.mounts) {
      if (p === m.path) return [m, m.prefix || '/'];
      if (p.startsWith(m.path + '/')) return [m, m.prefix + p.slice(m.path.length)];
    }
    return undefined;
  }

  override writeError(p: string): string | undefined {
    const r = this.route(p);
    if (r) return r[0].readOnly ? 'Read-only file system' : undefined;
    if (this.readOnlyRoot || this.readOnlyPaths.some((m) => p === m || p.startsWith(m + '/'))) return 'Read-only file system';
    return undefined;
  }

  /**
   * The model knows an image's top level, not every directory below it: a directory under one of
   * those (/var/log, /etc/nginx) is taken to exist; one whose top level the image lacks
   * (/no/such) does not, unless something made it.
   */
  override canCreateIn(dir: string): boolean {
    if (this.isDir(dir)) return true;
    if (this.isFile(dir) || this.route(dir)) return false;
    const top = dir.split('/')[1] ?? '';
    return this.imageRootDirs.includes(top) && ![...this.parents(dir)].some((d) => this.isFile(d));
  }

  private *parents(p: string): Iterable<string> {
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) yield p.slice(0, i);
  }

  /** Whether `p` lies in a mounted volume (which hides the image's files there). */
  mounted(p: string): boolean {
    return !!this.route(p);
  }

  /** Whether a write to `p` lands in a read-only mount. */
  readOnlyAt(p: string): boolean {
    return !!this.route(p)?.[0].readOnly;
  }

  override exists(p: string): boolean {
    const r = this.route(p);
    return r ? r[0].volume.exists(r[1]) : super.exists(p);
  }
  override isDir(p: string): boolean {
    const r = this.route(p);
    return r ? r[0].volume.isDir(r[1]) : super.isDir(p);
  }
  override isFile(p: string): boolean {
    const r = this.route(p);
    return r ? r[0].volume.isFile(r[1]) : super.isFile(p);
  }
  override read(p: string): string | undefined {
    const r = this.route(p);
    return r ? r[0].volume.read(r[1]) : super.read(p);
  }
  override mtime(p: string): number | undefined {
    const r = this.route(p);
    if (!r) return super.mtime(p);
    return r[0].volume instanceof TimedFiles ? r[0].volume.mtime(r[1]) : undefined;
  }
  override write(p: string, content: string): void {
    const r = this.route(p);
    if (r) r[0].volume.write(r[1], content);
    else super.write(p, content);
  }
  override append(p: string, content: string): void {
    const r = this.route(p);
    if (r) r[0].volume.append(r[1], content);
    else super.append(p, content);
  }
  override mkdirp(p: string): void {
    const r = this.route(p);
    if (r) r[0].volume.mkdirp(r[1]);
    else super.mkdirp(p);
  }
  override remove(p: string): boolean {
    const r = this.route(p);
    return r ? p !== r[0].path && r[0].volume.remove(r[1]) : super.remove(p);
  }
  override removeTree(p: string): void {
    const r = this.route(p);
    if (!r) super.removeTree(p);
    else if (p === r[0].path) for (const name of r[0].volume.list(r[1])) r[0].volume.removeTree(`${r[1] === '/' ? '' : r[1]}/${name}`);
    else r[0].volume.removeTree(r[1]);
  }
  override list(dir: string): string[] {
    const r = this.route(dir);
    if (r) return r[0].volume.list(r[1]);
    // A mount point shows among its parent's entries (the layer holds it as a directory).
    return super.list(dir);
  }
  override walk(dir: string): string[] {
    const inside = (m: WritableMount, f: string) => m.path + f.slice(m.prefix.length);
    const r = this.route(dir);
    if (r) return r[0].volume.walk(r[1]).map((f) => inside(r[0], f));
    const own = super.walk(dir);
    const prefix = dir === '/' ? '/' : dir + '/';
    for (const m of this.mounts) if (m.path.startsWith(prefix)) own.push(...m.volume.walk(m.prefix || '/').map((f) => inside(m, f)));
    return own.sort();
  }
}
