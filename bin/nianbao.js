#!/usr/bin/env node
// Runs the TypeScript sources directly, so the command always matches the code in this checkout.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
