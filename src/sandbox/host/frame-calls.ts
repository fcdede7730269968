import { z } from 'zod';
import type { SubmitAnswer } from './browser/messages';
import { forgeContextOf } from '../server/frame-context';
import type { Frame } from '../server/frames';
import { json, type HostKit, type HostRequest, type HostResponse } from './host-kit';
import { jiraRestAs } from './jira-rest';

/**
 * What a frame's bridge asks the host: its context (and where its history starts), a resolver call, and saving the
 * value of the field it edits. The frame is known by its id alone; who it acts for is the host's record of it, never
 * something the frame says.
 */

export const FRAME_CALL = /^\/sandbox\/frames\/([0-9a-f-]{36})(?:\/(invoke|submit))?$/;

const invokeSchema = z.object({ functionKey: z.string().min(1).max(200), payload: z.unknown() });
const submitSchema = z.object({ value: z.unknown() });

/** A custom field editor saves its value: Jira writes it as the person editing, with the field's own checks. */
const submitField = async (kit: HostKit, frame: Frame, value: unknown): Promise<SubmitAnswer> => {
  const issueKey = (frame.extension['issue'] as { key?: unknown } | undefined)?.key;
  const fieldId = frame.extension['fieldId'];
  if (frame.page !== 'intake' || typeof issueKey !== 'string' || typeof fieldId !== 'string') return { ok: false, message: 'This frame does not edit a field.' };
  const answer = await jiraRestAs(kit.jira, frame.accountId).send('PUT', `/rest/api/3/issue/${issueKey}`, { fields: { [fieldId]: value } });
  await kit.jira.events.settle();
  return answer.ok ? { ok: true } : { ok: false, message: answer.message };
};

export const answerFrameCall = async (kit: HostKit, request: HostRequest, frameId: string, action: string | undefined): Promise<HostResponse> => {
  const frame = kit.deps.frames.get(frameId);
  if (frame === undefined) return json(404, { message: 'This frame is no longer open: reload the page.' });
  const context = forgeContextOf(frame, kit.deps.site);
  if (action === undefined && request.method === 'GET') return json(200, { context, location: frame.location });
  if (action === 'invoke' && request.method === 'POST') {
    const call = invokeSchema.parse(JSON.parse(request.body));
    return json(200, await kit.deps.app.invoke(frame, context, call.functionKey, call.payload));
  }
  if (action === 'submit' && request.method === 'POST') return json(200, await submitField(kit, frame, submitSchema.parse(JSON.parse(request.body)).value));
  return json(405, { message: `${request.method} ${action ?? '(context)'} is not a frame call.` });
};
