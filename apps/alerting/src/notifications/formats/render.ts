import type { AlertMessage } from '@lib/targets-store';
import type { NotificationGroup } from '../grouping';
import { FiringSummary, groupMarkdown, groupTitle } from '../message-text';
import type { WebhookBody } from './webhook-request';

/** Our own JSON format: the structured transitions plus the Chinese text, with the idempotency key inside too. */
export interface JsonNotification {
  schema: 'health.alert-notification.v1';
  idempotencyKey: string;
  recipient: string;
  bureau: string;
  at: string;
  title: string;
  text: string;
  transitions: AlertMessage[];
  firing: FiringSummary[];
}

/**
 * The body for one webhook format:
 * - json: JsonNotification;
 * - wecom: 企业微信 group robot, `{ msgtype: 'markdown', markdown: { content } }`;
 * - dingtalk: 钉钉 robot, `{ msgtype: 'markdown', markdown: { title, text } }` (signing is in the URL).
 */
export function renderWebhook(format: WebhookBody['format'], group: NotificationGroup, firing: FiringSummary[], idempotencyKey: string, at: Date): WebhookBody {
  const title = groupTitle(group);
  const text = groupMarkdown(group, firing, at);
  switch (format) {
    case 'wecom':
      return { format, body: JSON.stringify({ msgtype: 'markdown', markdown: { content: text } }) };
    case 'dingtalk':
      return { format, body: JSON.stringify({ msgtype: 'markdown', markdown: { title, text } }) };
    case 'json': {
      const notification: JsonNotification = {
        schema: 'health.alert-notification.v1',
        idempotencyKey,
        recipient: group.recipient,
        bureau: group.bureau,
        at: at.toISOString(),
        title,
        text,
        transitions: group.messages,
        firing,
      };
      return { format, body: JSON.stringify(notification) };
    }
  }
}
