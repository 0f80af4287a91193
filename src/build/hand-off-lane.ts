/**
 * One report at a time from its data to its print documents in the browser's hands. Node does
 * this work on one thread: reports that read, check and render side by side all reach the printer
 * late together, while the browser waits for the first. In the lane, the first report's documents
 * go to the browser as soon as they are made, and the next report starts on its own while they
 * print. The web page and the DOCX files are made outside the lane, in the time printing takes.
 */
import pLimit from 'p-limit';

export interface HandOffLane {
  /** Waits for the lane; the returned function leaves it (again: no effect). */
  enter(): Promise<() => void>;
}

export function handOffLane(): HandOffLane {
  const limit = pLimit(1);
  return {
    enter: () =>
      new Promise<() => void>((entered) => {
        void limit(() => new Promise<void>((leave) => entered(() => leave())));
      }),
  };
}
