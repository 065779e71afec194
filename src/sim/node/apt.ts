import type { Shell } from '../shell/shell.ts';
import type { NodeWorld } from './world.ts';
export function registerApt(world: NodeWorld, shell: Shell): void {
  void world;
  void shell;
}
