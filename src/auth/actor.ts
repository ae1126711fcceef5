import type { Role } from './roles';

/**
 * Who is acting, passed explicitly from controllers to services (as immich passes `auth`): services use it
 * for row-level checks and the audit log records it.
 */
export interface Actor {
  type: 'user' | 'api_key' | 'system' | 'anonymous';
  /** User id, API key id, or the job/command name for the system. */
  id: string | null;
  /** E-mail of a user, name of an API key or of a system job: what an auditor reads. */
  label: string | null;
  role?: Role;
  sessionId?: string;
  partnerId?: string | null;
  familyId?: string | null;
  scopes?: string[];
  requestId: string | null;
  ip: string | null;
}

export const systemActor = (label: string): Actor => ({
  type: 'system',
  id: null,
  label,
  requestId: null,
  ip: null,
});

export const anonymousActor = (requestId: string | null, ip: string | null): Actor => ({
  type: 'anonymous',
  id: null,
  label: null,
  requestId,
  ip,
});
