export { decideTransition } from './decide-transition';
export { allowedActions, type AllowedAction } from './allowed-actions';
export { TIMEOUT_REASON } from './action-outcomes';
export { TRANSITIONS, actionsFrom, transitionRule, type Role, type TransitionRule } from './transition-table';
export {
  LIFECYCLE_ACTIONS,
  type CommandFor,
  type ExceptionPatch,
  type LifecycleAction,
  type LifecycleErrorCode,
  type LifecycleEvent,
  type LifecycleEventType,
  type TransitionCommand,
  type TransitionContext,
  type TransitionDecision,
} from './lifecycle-types';
