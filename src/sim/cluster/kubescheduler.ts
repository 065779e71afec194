/** The kube-scheduler component: wired to the scheduler framework once it lands. */
import type { ControllerContext } from '../controllers/controller.ts';

export class KubeScheduler {
  private ctx: ControllerContext;
  constructor(ctx: ControllerContext) {
    this.ctx = ctx;
  }
  start(): void {
    void this.ctx;
  }
}
