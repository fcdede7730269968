import { randomUUID } from 'node:crypto';

/**
 * The Custom UI frames the host page has opened. As in Jira, the product (not the frame) decides who a frame acts for
 * and which module and issue it belongs to: the frame only holds an id, and every bridge call it makes is answered
 * from the record kept here.
 */

export const UI_PAGES = ['register', 'issue-panel', 'admin', 'intake', 'rule-config'] as const;
export type UiPage = (typeof UI_PAGES)[number];

export type FrameLocation = { readonly pathname: string; readonly search: string };

export type ColorMode = 'light' | 'dark';

export type Frame = {
  readonly id: string;
  readonly page: UiPage;
  readonly accountId: string;
  readonly moduleKey: string;
  readonly colorMode: ColorMode;
  /** The module-specific extension context Jira hands the frame (project, issue, field value, ...). */
  readonly extension: Readonly<Record<string, unknown>>;
  /** Where the frame's history starts: the host page's own query string, so filters survive a reload. */
  readonly location: FrameLocation;
  /** Where the host goes when the frame closes or has submitted. */
  readonly returnTo: string;
};

export type FrameRegistry = {
  open(frame: Omit<Frame, 'id'>): Frame;
  get(id: string): Frame | undefined;
};

/** Frames of pages nobody looks at any more are forgotten first; a forgotten frame's calls are refused. */
export const createFrameRegistry = (capacity = 2000): FrameRegistry => {
  const frames = new Map<string, Frame>();
  return {
    open(fields) {
      const frame: Frame = { ...fields, id: randomUUID() };
      frames.set(frame.id, frame);
      for (const oldest of frames.keys()) {
        if (frames.size <= capacity) break;
        frames.delete(oldest);
      }
      return frame;
    },
    get: (id) => frames.get(id),
  };
};
