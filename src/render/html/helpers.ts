/** The helpers every template may use; registered on each isolated Handlebars instance. */
import type Handlebars from 'handlebars';
import { formatCount, formatMoney, formatNumber } from './number-format.ts';

type Env = typeof Handlebars;

/** Helpers get Handlebars' options object as their last argument; drop it. */
const args = (values: unknown[]) => values.slice(0, -1);

export function registerHelpers(env: Env): void {
  env.registerHelper('formatNumber', (value: number, unit: unknown) =>
    formatNumber(value, unit === 'money' ? 'money' : 'count'),
  );
  env.registerHelper('formatCount', (value: number) => formatCount(value));
  env.registerHelper('formatMoney', (value: number) => formatMoney(value));
  env.registerHelper('eq', (...values: unknown[]) => {
    const [a, b] = args(values);
    return a === b;
  });
  env.registerHelper('not', (value: unknown) => !value);
  env.registerHelper('and', (...values: unknown[]) => args(values).every(Boolean));
  env.registerHelper('or', (...values: unknown[]) => args(values).some(Boolean));
  // Text is escaped first; only the <br> the helper itself adds is markup.
  env.registerHelper('lineBreaks', (text: unknown) => {
    const escaped = String(text ?? '')
      .split('\n')
      .map((line) => env.escapeExpression(line));
    return new env.SafeString(escaped.join('<br>'));
  });
}
