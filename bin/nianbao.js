#!/usr/bin/env node
// The nianbao command: the CLI of this checkout's src/, from its compiled bundle (see load-cli.js).
import { loadCli } from './load-cli.js';

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
