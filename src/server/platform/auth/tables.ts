import type { ColumnType } from 'kysely';
import type { Bool01 } from '../../db/dialect.js';
import type { Role, ScopeKind } from '../access/roles.js';

export interface AccountsTable {
  id: string;
  email: string;
  display_name: string;
  person_id: string | null;
  locale: 'fr' | 'en';
  password_hash: string | null;
  password_changed_at: string | null;
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_enabled_at: string | null;
  /** Last accepted TOTP time step (replay guard); optional on insert. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  failed_attempts: number;
  last_failed_at: string | null;
  locked_until: string | null;
  last_sign_in_at: string | null;
  active: Bool01;
  created_at: string;
  updated_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  account_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface RoleGrantsTable {
  id: string;
  account_id: string;
  role: Role;
  scope_kind: ScopeKind;
  scope_id: string;
  granted_by: string | null;
  created_at: string;
}

export type SignInMethod = 'password' | 'magic_link' | 'oidc';

export interface SessionsTable {
  id: string;
  account_id: string;
  method: SignInMethod;
  mfa_verified: Bool01;
  created_at: string;
  last_seen_at: string;
  absolute_expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface MagicLinksTable {
  token_hash: string;
  account_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  return_to: string | null;
}

export interface OidcStatesTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string | null;
  created_at: string;
}

export interface AuthTables {
  accounts: AccountsTable;
  recovery_codes: RecoveryCodesTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  magic_links: MagicLinksTable;
  oidc_states: OidcStatesTable;
}
