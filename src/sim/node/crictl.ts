import type { CommandContext } from '../shell/shell.ts';
import type { NodeWorld } from './world.ts';
export function crictl(world: NodeWorld, ctx: CommandContext): number {
  void world;
  void ctx;
  return 0;
}
