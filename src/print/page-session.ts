/**
 * The printer's own DevTools session with a page, for the commands it sends itself (writing a
 * document, printing it, collecting the renderer's garbage), and the page's main frame. The
 * request guard keeps a session of its own (request-guard.ts).
 */
import type { CDPSession, Page } from 'puppeteer-core';

const sessions = new WeakMap<Page, Promise<CDPSession>>();
const frames = new WeakMap<Page, Promise<string>>();

export function pageSession(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.createCDPSession();
    sessions.set(page, session);
    session.catch(() => sessions.delete(page));
  }
  return session;
}

/** The id of the page's main frame, which stays the same from one document to the next. */
export function mainFrameId(page: Page): Promise<string> {
  let frame = frames.get(page);
  if (!frame) {
    frame = pageSession(page).then(async (session) => (await session.send('Page.getFrameTree')).frameTree.frame.id);
    frames.set(page, frame);
    frame.catch(() => frames.delete(page));
  }
  return frame;
}
