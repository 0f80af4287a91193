#!/usr/bin/env node
// The nianbao command: the CLI of this checkout's src/, from its compiled bundle (see load-cli.js).
import v8 from 'node:v8';
import { keepCompiledCode, keepsCompiledCode, loadCli } from './load-cli.js';

// A build allocates far more than it keeps (each report's text, tables and PDFs are dropped once
// written), and V8 by default lets the heap grow up to fourfold between collections: the Node
// process of a 1,000-agency build reached about 380 MB, much of it garbage. Growing at most
// twofold holds it near 300 MB (200 MB at 100 agencies) at no time measurable in the build.
v8.setFlagsFromString('--heap-growing-percent=100');

// The compiled code kept for later runs (load-cli.js) is what V8 holds when a run ends, and V8
// drops the bytecode of functions a long run has not called for a while: kept after a first
// build of 100 agencies, it held a third less, and every later build of the examples took 0.1 s
// longer (1.45–1.55 s against 1.28–1.42 s) compiling those functions again, and 100 agencies
// 0.2 s. Kept whole, the bytecode costs no memory that shows: Node's peak in a 100-agency build
// was 200–211 MB either way.
v8.setFlagsFromString('--no-flush-bytecode');

// V8's optimising compiler works on threads of its own, beside the main one, and in the first
// seconds of a build it optimises code that then runs only a few times more: it took a fifth of
// Node's CPU in a cold build of the examples (2.8 s of CPU, 2.2 s without it), on a machine where
// the browser needs the other core. It starts once a build has run long enough for hot code to pay
// for its compilation.
const OPTIMISE_AFTER_MS = 3000;
v8.setFlagsFromString('--no-turbofan');
setTimeout(() => v8.setFlagsFromString('--turbofan'), OPTIMISE_AFTER_MS).unref();

// Even then, V8 optimises a function after little use: in a 100-agency build its compiler
// threads took 1.3 s of CPU for 630 optimisations (some functions several times over), CPU the
// renderers then lacked. Four times V8's default use before optimising (67,584) leaves it the
// hot code only: 360 optimisations in half the time, Node's CPU 6.3–6.8 s instead of 6.9–7.3 s,
// and a 1,000-agency build no slower.
v8.setFlagsFromString('--interrupt-budget=270336');

// The workbook's zip library (archiver-utils 2, under exceljs) still calls the deprecated Buffer().
// Node warns of that only for code outside node_modules, as the bundle is; the people running a
// build can do nothing about it. Every other warning is printed as Node prints it.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && warning.code === 'DEP0005') return;
  process.stderr.write(`(node:${process.pid}) ${warning.code ? `[${warning.code}] ` : ''}${warning.name}: ${warning.message}\n`);
});

const args = process.argv.slice(2);
const { main } = await loadCli(args[0]);
process.exitCode = await main(args);
if (keepsCompiledCode()) {
  // The code is kept under the flags it was compiled with: V8 refuses it under others.
  v8.setFlagsFromString('--no-turbofan');
  keepCompiledCode();
}
// The command is done once main returns: every output is written, the browser closed and its
// profile removed. What a library still holds open must not keep the process, and its user,
// waiting: Puppeteer keeps a timer for 100 ms after each page's session ends (for a frame swap
// that cannot come from a closed browser), and a build of one agency ended some 40–90 ms sooner
// without it (0.83 → 0.79 s; the examples 1.63 → 1.56 s). Output to a pipe may still be queued
// (asynchronously written on some systems), so the process ends once it is flushed.
await new Promise((resolve) => process.stdout.write('', resolve));
await new Promise((resolve) => process.stderr.write('', resolve));
process.exit();
