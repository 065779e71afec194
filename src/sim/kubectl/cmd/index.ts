/** Every kubectl command the simulator implements, in kubectl's own order (suggestions follow it). */
import type { Command } from '../types.ts';
import { apply } from './apply.ts';
import { config } from './config.ts';
import { CREATE_FLAGS, createFromFile } from './create.ts';
import { del } from './delete.ts';
import { describe } from './describe.ts';
import { get } from './get.ts';
import { logs } from './logs.ts';
import { exec } from './exec.ts';
import { explain } from './explain.ts';
import { version } from './version.ts';
import { apiResources, apiVersions } from './apiresources.ts';
import { top } from './top.ts';
import { wait } from './wait.ts';
import { events } from './events.ts';
import { clusterInfo } from './clusterinfo.ts';
import { scale } from './scale.ts';
import { label } from './label.ts';
import { annotate } from './annotate.ts';
import { taint } from './taint.ts';
import { createSubcommands, expose, run } from './generators.ts';
import { cordon, drain, uncordon } from './drain.ts';
import { rollout } from './rollout.ts';
import { patch } from './patch.ts';
import { set } from './set.ts';
import { edit } from './edit.ts';
import { replace } from './replace.ts';
import { diff } from './diff.ts';
import { applySubcommands } from './applylast.ts';

const create: Command = { name: 'create', flags: CREATE_FLAGS, run: createFromFile, sub: createSubcommands };
const applyCmd: Command = { ...apply, sub: applySubcommands };

export const COMMANDS: Command[] = [create, expose, run, set, get, edit, del, rollout, scale, cordon, uncordon, drain, taint, describe, diff, applyCmd, patch, replace, label, annotate, config, logs, exec, explain, version, apiResources, apiVersions, top, wait, events, clusterInfo];
