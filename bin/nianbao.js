#!/usr/bin/env node
// The nianbao command: the CLI of this checkout's src/, from its compiled bundle (see load-cli.js).
import v8 from 'node:v8';
import { loadCli } from './load-cli.js';

// A build allocates far more than it keeps (each report's text, tables and PDFs are dropped once
// written), and V8 by default lets the heap grow up to fourfold between collections: a large
// build's Node process then holds some 400 MB of which 200 MB is garbage. Growing by at most
// twice the live size keeps it near 200 MB for about 2 % more time in the collector.
v8.setFlagsFromString('--heap-growing-percent=100');

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
