import { isEmail } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '../../../auth/roles';
import type { UpdateUserDto } from '../../../users/dto/update-user.dto';
import { field, FieldErrors, FormResult } from '../../page-forms';

export const NEW_USER_FIELDS = ['displayName', 'email', 'role'] as const;
export type NewUserField = (typeof NEW_USER_FIELDS)[number];

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/**
 * The "new staff account" form: a name, an e-mail and a staff role. No password field: the service generates
 * the first one, and the page shows it once. Errors are message keys of `consoleUsers`.
 */
export function readNewUserForm(body: unknown): FormResult<NewUserField> {
  const form = {
    displayName: field(body, 'displayName').trim(),
    email: field(body, 'email').trim(),
    role: field(body, 'role'),
  };
  const errors: FieldErrors<NewUserField> = {};
  if (!form.displayName) errors.displayName = 'nameMissing';
  else if (form.displayName.length > 200) errors.displayName = 'nameLong';
  if (!form.email) errors.email = 'emailMissing';
  else if (form.email.length > 254 || !isEmail(form.email)) errors.email = 'emailInvalid';
  if (!isStaffRole(form.role)) errors.role = 'roleMissing';
  return { form, errors };
}

export const USER_ACTIONS = ['role', 'disable', 'enable', 'unlock'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
export type UserActionField = 'action' | 'role';

const ACTION_UPDATES: Record<Exclude<UserAction, 'role'>, UpdateUserDto> = {
  disable: { disabled: true },
  enable: { disabled: false },
  unlock: { locked: false },
};

/**
 * One of the account page's forms, each a change PATCH /api/v1/users/{id} makes: a new staff role, disable,
 * enable or unlock. Answers the update for the users service, or the errors.
 */
export function readUserActionForm(
  body: unknown,
): FormResult<UserActionField> & { action: UserAction | null; update: UpdateUserDto | null } {
  const form = { action: field(body, 'action'), role: field(body, 'role') };
  const action = (USER_ACTIONS as readonly string[]).includes(form.action)
    ? (form.action as UserAction)
    : null;
  const errors: FieldErrors<UserActionField> = {};
  let update: UpdateUserDto | null = null;
  if (!action) errors.action = 'actionMissing';
  else if (action === 'role') {
    if (isStaffRole(form.role)) update = { role: form.role };
    else errors.role = 'roleMissing';
  } else update = ACTION_UPDATES[action];
  return { form, errors, action, update };
}
