/** An HTTP request to a webhook, fully rendered and stored in the outbox (so a retry sends the same bytes). */
export interface WebhookBody {
  format: 'json' | 'wecom' | 'dingtalk';
  /** The JSON body, exactly as it will be sent and signed. */
  body: string;
}
