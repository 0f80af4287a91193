import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { handOffLane } from '../../src/build/hand-off-lane.ts';
import type { BuildStages, Printer } from '../../src/build/stages.ts';
import { makeAgencies, stubStages, tempDir, testOptions } from './helpers.ts';

describe('the hand-off lane', () => {
  it('lets one holder in at a time, in order, and leaving twice is leaving once', async () => {
    const lane = handOffLane(3);
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

  it('is open once as many holders as the printer has pages have left it', async () => {
    const lane = handOffLane(2);
    (await lane.enter())();
    const second = await lane.enter();
    // Held, the lane keeps the next one out…
    let entered = false;
    const third = lane.enter().then((leave) => ((entered = true), leave));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(entered).toBe(false);
    // …until the second leaves: then the third and everyone after go in at once.
    second();
    await third;
    const fourth = lane.enter();
    const fifth = lane.enter();
    await Promise.all([fourth, fifth]);
  });

  it('at the start, a report hands its documents to the printer before the next report is read and checked', async () => {
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
    // One report per page goes through the lane: each of them is printing before the next is checked.
    expect(events.slice(0, 4).map((e) => e.split(' ')[0])).toEqual(['gate', 'print', 'gate', 'print']);
  });
});
