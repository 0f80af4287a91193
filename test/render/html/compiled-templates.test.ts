/**
 * Compiled templates are kept by content: the second process to use a template reads what the
 * first compiled, an edited template is compiled anew, and one Handlebars cannot parse is left to
 * the renderer, which reports it when the template is used.
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { compiledTemplate } from '../../../src/render/html/compiled-templates.ts';

/** An environment whose compiler is counted, as a new process's would be. */
function countingEnv() {
  const env = Handlebars.create();
  let compiles = 0;
  const precompile = env.precompile.bind(env);
  env.precompile = ((...args: Parameters<typeof precompile>) => {
    compiles++;
    return precompile(...args);
  }) as typeof env.precompile;
  return { env, compiles: () => compiles };
}

describe('compiled templates', () => {
  const source = `<p>{{name}} ${Date.now()}-${Math.random()}</p>`;

  it('compiles a template once and reads it back after that', async () => {
    const first = countingEnv();
    expect((await compiledTemplate(first.env, source))!({ name: '神木' })).toMatch(/^<p>神木 /);
    expect(first.compiles()).toBe(1);
    const second = countingEnv();
    expect((await compiledTemplate(second.env, source))!({ name: '<锦界>' })).toMatch(/^<p>&lt;锦界&gt; /);
    expect(second.compiles()).toBe(0);
  });

  it('compiles an edited template anew', async () => {
    const { env, compiles } = countingEnv();
    await compiledTemplate(env, source);
    const before = compiles();
    expect((await compiledTemplate(env, `${source}<b>{{name}}</b>`))!({ name: 'x' })).toContain('<b>x</b>');
    expect(compiles()).toBe(before + 1);
  });

  it('leaves a template Handlebars cannot parse to the renderer', async () => {
    const { env } = countingEnv();
    expect(await compiledTemplate(env, '{{#if a}}unclosed')).toBeNull();
    expect(() => env.compile('{{#if a}}unclosed')({})).toThrow();
  });
});
