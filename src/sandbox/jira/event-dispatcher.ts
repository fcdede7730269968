/**
 * Delivery of Jira product events to the app's `trigger` modules, with Forge's guarantees and nothing more:
 * events arrive after the request that caused them has answered, may arrive twice and in any order, and a
 * trigger declared with `ignoreSelf` never sees events the app caused itself. Test switches make duplicates
 * and reordering happen on purpose, and pausing lets a test decide exactly when events land.
 */

export type ForgeEvent = {
  readonly eventType: string;
  readonly selfGenerated: boolean;
  /**
   * Set for an event meant for one module only (a post function's event goes to the post function configured on
   * the transition, not to every subscriber); the handler receives the event without it.
   */
  readonly target?: string;
} & Readonly<Record<string, unknown>>;

export type TriggerHandler = (event: ForgeEvent, context: Readonly<Record<string, unknown>>) => unknown;

export type TriggerRegistration = {
  readonly key: string;
  readonly events: readonly string[];
  readonly handler: TriggerHandler;
  readonly ignoreSelf?: boolean;
};

export type EventDeliverySwitches = {
  /** Every event is delivered twice (the copy after all originals of its batch). */
  readonly duplicate: boolean;
  /** Each batch of pending events is delivered newest first. */
  readonly outOfOrder: boolean;
  /** Events queue up until `deliverPending()` is called. */
  readonly paused: boolean;
};

export type DeliveryRecord = {
  readonly triggerKey: string;
  readonly event: ForgeEvent;
  readonly outcome: 'delivered' | 'failed';
  readonly error?: unknown;
};

/** Runs a handler as a fresh Forge invocation with no acting user (the local runtime supplies this). */
export type InvocationScope = <T>(accountId: string | null, fn: () => Promise<T>) => Promise<T>;

export type EventDispatcher = {
  register(trigger: TriggerRegistration): void;
  emit(event: ForgeEvent): void;
  configure(switches: Partial<EventDeliverySwitches>): void;
  /** Delivers everything queued now, even while paused. */
  deliverPending(): Promise<void>;
  /** Resolves once no event is queued or being delivered (paused queues are left alone). */
  settle(): Promise<void>;
  deliveries(): readonly DeliveryRecord[];
  pendingCount(): number;
};

export function createEventDispatcher(options: {
  readonly context: Readonly<Record<string, unknown>>;
  readonly scope: () => InvocationScope;
}): EventDispatcher {
  const triggers: TriggerRegistration[] = [];
  const queue: ForgeEvent[] = [];
  const records: DeliveryRecord[] = [];
  let switches: EventDeliverySwitches = { duplicate: false, outOfOrder: false, paused: false };
  let running: Promise<void> | undefined;
  let scheduled = false;

  const addressedTo = (trigger: TriggerRegistration, event: ForgeEvent): boolean =>
    event.target === undefined
      ? trigger.events.includes(event.eventType) && !(trigger.ignoreSelf === true && event.selfGenerated)
      : trigger.key === event.target;

  const deliverOne = async (event: ForgeEvent): Promise<void> => {
    const { target: _target, ...payload } = event;
    for (const trigger of triggers) {
      if (!addressedTo(trigger, event)) continue;
      try {
        await options.scope()(null, () => Promise.resolve(trigger.handler(structuredClone(payload), options.context)));
        records.push({ triggerKey: trigger.key, event, outcome: 'delivered' });
      } catch (error) {
        // Forge logs a failed trigger invocation; it does not fail the Jira operation that caused the event.
        records.push({ triggerKey: trigger.key, event, outcome: 'failed', error });
      }
    }
  };

  const deliverBatch = async (): Promise<void> => {
    const batch = queue.splice(0);
    const ordered = switches.outOfOrder ? [...batch].reverse() : batch;
    for (const event of switches.duplicate ? [...ordered, ...ordered] : ordered) await deliverOne(event);
  };

  const run = (): Promise<void> => {
    const previous = running ?? Promise.resolve();
    const next = previous.then(deliverBatch);
    running = next;
    void next.finally(() => {
      if (running === next) running = undefined;
    });
    return next;
  };

  const schedule = (): void => {
    if (scheduled || switches.paused) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void run();
    });
  };

  return {
    register: (trigger) => void triggers.push(trigger),
    emit(event) {
      queue.push(event);
      schedule();
    },
    configure(partial) {
      switches = { ...switches, ...partial };
      if (!switches.paused && queue.length > 0) schedule();
    },
    deliverPending: run,
    async settle() {
      while (scheduled || running !== undefined) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (running !== undefined) await running;
      }
    },
    deliveries: () => records,
    pendingCount: () => queue.length,
  };
}
