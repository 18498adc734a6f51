import { github } from './github.ts';
import { json } from './json.ts';
import type { Format } from './names.ts';
import { sarif } from './sarif.ts';
import { stylish } from './stylish.ts';
import { junit } from './junit.ts';
import type { Reporter } from './types.ts';

export const reporters: Record<Format, Reporter> = { stylish, json, sarif, junit, github };
export type { ReportFile, ReportContext, Reporter } from './types.ts';
