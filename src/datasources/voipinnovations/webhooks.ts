/**
 * VoIP Innovations sends no callbacks: calls to its DIDs go straight to the account's
 * endpoint groups, and every DID operation answers synchronously.
 */
import type { WebhookRoute } from '../../webhooks/route.js';

export function webhookRoutes(): WebhookRoute<any, any>[] {
  return [];
}
