import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { isAllowedUrl } from '../../src/print/request-guard.ts';

describe('isAllowedUrl', () => {
  const roots = ['/tmp/print-1', '/repo/node_modules/@fontsource/noto-serif-sc'];
  const file = (p: string) => pathToFileURL(p).href;

  it('allows files inside the roots and data: URLs', () => {
    expect(isAllowedUrl(file('/tmp/print-1/report.html'), roots)).toBe(true);
    expect(isAllowedUrl(file('/repo/node_modules/@fontsource/noto-serif-sc/files/a.woff2'), roots)).toBe(true);
    expect(isAllowedUrl('data:image/png;base64,AAAA', roots)).toBe(true);
  });

  it('refuses the network and files outside the roots, also by way of ..', () => {
    expect(isAllowedUrl('https://example.com/x.png', roots)).toBe(false);
    expect(isAllowedUrl('http://127.0.0.1:8080/', roots)).toBe(false);
    expect(isAllowedUrl(file('/etc/passwd'), roots)).toBe(false);
    expect(isAllowedUrl('file:///tmp/print-1/../secret.txt', roots)).toBe(false);
    expect(isAllowedUrl(file('/tmp/print-10/x.html'), roots)).toBe(false);
  });
});
