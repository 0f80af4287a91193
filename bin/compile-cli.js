#!/usr/bin/env node
// `npm install` runs this (the prepare script), so the first nianbao command already starts from
// the bundle; bin/nianbao.js would otherwise make it on first use.
import { ensureBundle } from './load-cli.js';

if (!(await ensureBundle())) process.stderr.write('nianbao：未能预编译命令行程序，将直接运行 TypeScript 源码（较慢）。\n');
