import { parseArgs } from 'node:util';

export type BenchScale = 'tiny' | 'large';

export type BenchOptions = {
  scale: BenchScale;
  /** Fewer repetitions and shorter runs: checks that every measurement works, not how fast. */
  quick: boolean;
  /** Port of the Roster server the bench starts; undefined picks a free one. */
  port: string | undefined;
  /** Where results.json goes. */
  out: string;
  /**
   * `first-view`: only the route weights, the cold loads and the group scroll; `import-export`: only
   * the exports and import reviews; `grid`: only the membership grid on the demo seed. Printed, not
   * written.
   */
  only: 'first-view' | 'import-export' | 'grid' | undefined;
};

export const USAGE =
  'Usage: npm run bench -- [--scale large|tiny] [--quick] [--port 4805] [--out bench/results.json] [--only first-view|import-export|grid]';

/** Reads the command line; throws with the usage on anything it does not know. */
export function readOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string', default: 'large' },
      quick: { type: 'boolean', default: false },
      port: { type: 'string' },
      out: { type: 'string', default: 'bench/results.json' },
      only: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.scale !== 'large' && values.scale !== 'tiny') {
    throw new Error(`--scale must be large or tiny, not "${values.scale}"`);
  }
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) {
    throw new Error(`--port must be a port number, not "${values.port}"`);
  }
  if (
    values.only !== undefined &&
    values.only !== 'first-view' &&
    values.only !== 'import-export' &&
    values.only !== 'grid'
  ) {
    throw new Error(`--only takes first-view, import-export or grid, not "${values.only}"`);
  }
  return { scale: values.scale, quick: values.quick, port: values.port, out: values.out, only: values.only };
}

/** How many times each measurement repeats, and how far the long ones go. */
export type Repetitions = {
  coldLoads: number;
  latencySamples: number;
  loadSeconds: number;
  /** How many rows down the big organization is scrolled before its heap is measured. */
  organizationScrollRows: number;
  /** How many agents are added through the dialog. */
  agentsToAdd: number;
};

export function repetitionsFor(options: BenchOptions): Repetitions {
  return options.quick
    ? { coldLoads: 2, latencySamples: 5, loadSeconds: 1, organizationScrollRows: 2_000, agentsToAdd: 1_000 }
    : {
        coldLoads: 5,
        latencySamples: 50,
        loadSeconds: 10,
        organizationScrollRows: 20_000,
        agentsToAdd: 1_000,
      };
}
