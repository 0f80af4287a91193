import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { handOffLane } from '../../src/build/hand-off-lane.ts';
import type { BuildStages, Printer } from '../../src/build/stages.ts';
import { makeAgencies, stubStages, tempDir, testOptions } from './helpers.ts';

describe('the hand-off lane', () => {
  it('lets one holder in at a time, in order, and leaving twice is leaving once', async () => {
    const lane = handOffLane();
    const order: string[] = [];
    const first = await lane.enter();
    const second = lane.enter().then((leave) => (order.push('second'), leave));
    const third = lane.enter().then((leave) => (order.push('third'), leave));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([]);
    first();
    first();
    const leaveSecond = await second;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['second']);
    leaveSecond();
    (await third)();
    expect(order).toEqual(['second', 'third']);
  });

  it('a report hands its documents to the printer before the next report is read and checked', async () => {
    const root = await tempDir('hand-off');
    const dataDir = path.join(root, 'data');
    await makeAgencies(dataDir, 4);
    const options = testOptions({ dataDir, outDir: path.join(root, 'out'), concurrency: 2 });
    const events: string[] = [];
    const stubs = stubStages(options);
    const stubPrinter = await stubs.printer();
    const printer: Printer = {
      ...stubPrinter,
      print: (doc, meta) => {
        events.push(`print ${meta.author}`);
        return stubPrinter.print(doc, meta);
      },
    };
    const stages: BuildStages = {
      ...stubs,
      gate: async (input) => {
        events.push(`gate ${input.agencyId}`);
        return stubs.gate(input);
      },
      // Rendering that takes a while (as real rendering does, with reads in between): without the
      // lane, the next reports would be read and checked meanwhile.
      print: async (model, ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return stubs.print(model, ctx);
      },
      printer: async () => printer,
    };
    const summary = await build(options, { stages });
    expect(summary.failed).toBe(false);
    const gates = events.filter((e) => e.startsWith('gate'));
    expect(gates).toHaveLength(4);
    // Between two gates there is always the print of the first of them.
    for (let i = 0; i + 1 < events.length; i++) {
      if (events[i]!.startsWith('gate')) expect(events[i + 1]).toMatch(/^print /);
    }
  });
});
