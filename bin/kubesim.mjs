#!/usr/bin/env node
// kubesim: runs the simulator from its TypeScript sources (Node 24 strips types natively).
import { main } from '../src/sim/cli.ts';

process.exitCode = await main(process.argv.slice(2));
