import type { Actor } from '../approval/approval';
import type { SecurityException, Status } from '../exception/security-exception';
import { LIFECYCLE_ACTIONS, type LifecycleAction, type TransitionContext } from './lifecycle-types';
import { permitted } from './transition-checks';
import { transitionRule } from './transition-table';

export type AllowedAction = { readonly action: LifecycleAction; readonly to: Status; readonly reasonRequired: boolean };

/**
 * What `actor` may do with `exception` now, for showing only the buttons that will work. Checks that depend
 * on what a command carries (the reason, a renewal key, a new tier, concurrency counts) are left to
 * decideTransition, which remains the authority.
 */
export const allowedActions = (
  exception: SecurityException,
  actor: Actor,
  context: Omit<TransitionContext, 'actor'>,
): AllowedAction[] =>
  LIFECYCLE_ACTIONS.map(transitionRule)
    .filter((rule) => permitted(rule, exception, { ...context, actor }, undefined).ok)
    .map((rule) => ({ action: rule.action, to: rule.to, reasonRequired: rule.reason === 'required' }));
