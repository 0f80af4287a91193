/**
 * Peak memory of a process and of the processes it started (the browser's tree), sampled from
 * /proc while it runs. Resident set sizes of Chrome's processes share pages (the binary, shared
 * memory), so their sum over-counts; the proportional set size (Pss, /proc/<pid>/smaps_rollup)
 * divides each shared page among its users and is what the processes cost the machine together.
 * Linux only: elsewhere every figure stays null.
 */
import fs from 'node:fs';

export interface MemoryPeaks {
  /** The root process (Node): its own high-water mark (VmHWM). */
  nodeRssMb: number | null;
  /** Sum of the resident sets of every descendant (the browser's processes), at its highest sample. */
  browserRssMb: number | null;
  /** Node and descendants together, resident sets summed, at the highest sample. */
  totalRssMb: number | null;
  /** Node and descendants together, proportional set sizes summed: the highest of those read when the resident sets peaked (at most twice a second). */
  totalPssMb: number | null;
  samples: number;
}

const SAMPLE_MS = 100;
const PSS_MIN_INTERVAL_MS = 500;
const mb = (kb: number) => Math.round(kb / 1024);

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The processes `root` started, and theirs: from the children each of its threads lists (Linux
 * 3.5 and later), without reading every process of the machine.
 */
function descendants(root: number): number[] {
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone meanwhile
    }
    for (const tid of tasks) {
      for (const child of (readText(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

const kbField = (text: string | null, field: string): number => {
  const m = text ? new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text) : null;
  return m ? Number(m[1]) : 0;
};

/** Samples `root` and its descendants every 100 ms until stop() is called. */
export function sampleMemory(root: number): { stop(): MemoryPeaks } {
  if (process.platform !== 'linux') {
    return { stop: () => ({ nodeRssMb: null, browserRssMb: null, totalRssMb: null, totalPssMb: null, samples: 0 }) };
  }
  let nodeHwm = 0;
  let browserRss = 0;
  let totalRss = 0;
  let totalPss = 0;
  let samples = 0;
  let pssReadAt = -Infinity;
  const sample = () => {
    const status = readText(`/proc/${root}/status`);
    if (!status) return;
    nodeHwm = Math.max(nodeHwm, kbField(status, 'VmHWM'));
    const nodeRss = kbField(status, 'VmRSS');
    const children = descendants(root);
    const childRss = children.reduce((sum, pid) => sum + kbField(readText(`/proc/${pid}/status`), 'VmRSS'), 0);
    browserRss = Math.max(browserRss, childRss);
    // The proportional sets are read only when the resident sets reach a new high, at most twice a
    // second: reading them walks every page of each process, some 3 ms for the browser's tree, and
    // at every sample it took a tenth of a core from the build being measured.
    if (nodeRss + childRss > totalRss) {
      totalRss = nodeRss + childRss;
      const now = performance.now();
      if (now - pssReadAt >= PSS_MIN_INTERVAL_MS) {
        pssReadAt = now;
        totalPss = Math.max(totalPss, [root, ...children].reduce((sum, pid) => sum + kbField(readText(`/proc/${pid}/smaps_rollup`), 'Pss'), 0));
      }
    }
    samples++;
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return { nodeRssMb: mb(nodeHwm), browserRssMb: mb(browserRss), totalRssMb: mb(totalRss), totalPssMb: mb(totalPss), samples };
    },
  };
}
