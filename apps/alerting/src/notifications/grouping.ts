import type { AlertMessage } from '@lib/targets-store';

/** Transitions people are told about by webhook; the rest (pending, cleared, acknowledged) are on the topic only. */
const NOTIFIED = new Set(['firing', 'repeat', 'escalated', 'resolved']);

/** One webhook notification: everything one bureau hears about one area in one evaluation. */
export interface NotificationGroup {
  /** The bureau whose webhooks receive it. */
  recipient: string;
  /** The area the messages are about (the county, or the city for city-level alerts). */
  bureau: string;
  messages: AlertMessage[];
}

/**
 * Groups one evaluation's transitions along the hierarchy: one notification per (recipient, area),
 * carrying every indicator that changed there — a county bureau gets one message listing its red
 * indicators, not one per indicator. An escalated alert also goes to the bureau above from then on.
 */
export function groupNotifications(messages: readonly AlertMessage[]): NotificationGroup[] {
  const groups = new Map<string, NotificationGroup>();
  for (const message of messages) {
    if (message.silenced || !NOTIFIED.has(message.transition)) continue;
    for (const recipient of recipientsOf(message)) {
      const key = `${recipient}|${message.bureau}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { recipient, bureau: message.bureau, messages: [] }));
      group.messages.push(message);
    }
  }
  return [...groups.values()];
}

function recipientsOf(message: AlertMessage): string[] {
  if (message.transition === 'escalated') return message.escalatedTo ? [message.escalatedTo] : [];
  return message.escalatedTo ? [message.bureau, message.escalatedTo] : [message.bureau];
}
