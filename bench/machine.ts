import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem, type } from 'node:os';

export type Machine = {
  node: string;
  os: string;
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  commit: string;
};

/** What the numbers were measured on: they mean little without it. */
export function describeMachine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout (an unpacked archive): the figures still stand, without a commit.
  }
  return {
    node: process.version,
    os: `${type()} ${release()}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    commit,
  };
}

export function machineLine(machine: Machine): string {
  return `Node ${machine.node}, ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGB} GB, ${machine.os}, commit ${machine.commit}`;
}
