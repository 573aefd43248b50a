import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './password.js';

// Upper bounds keep argon2 and the database away from megabyte inputs; the policy speaks first
// for anything a person could type.
const email = z.string().trim().min(3).max(320).email();
const code = z.string().trim().min(6).max(64);

export const nextStepSchema = z.enum(['done', 'totp', 'totp_enrolment']);

export const meSchema = z.object({
  signedIn: z.boolean(),
  account: z
    .object({
      id: z.string(),
      email: z.string(),
      displayName: z.string(),
      locale: z.enum(['fr', 'en']),
      personId: z.string().nullable(),
      personOrganizationId: z.string().nullable(),
      mfaVerified: z.boolean(),
      mfaEnrolmentRequired: z.boolean(),
      totpEnabled: z.boolean(),
      grants: z.array(z.object({ role: z.string(), scopeKind: z.string(), scopeId: z.string() })),
    })
    .nullable(),
});

export const optionsSchema = z.object({
  password: z.literal(true),
  magicLink: z.literal(true),
  oidc: z.object({ enabled: z.boolean(), label: z.string() }),
  passwordMinLength: z.number().int(),
});

export const preferencesBody = z.object({ locale: z.enum(['fr', 'en']) });

export const passwordSignInBody = z.object({
  email,
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
});
export const nextAnswer = z.object({ next: nextStepSchema });

export const codeBody = z.object({ code });
export const doneAnswer = z.object({ next: z.literal('done') });
export const enrolmentAnswer = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export const recoveryCodesAnswer = z.object({ recoveryCodes: z.array(z.string()) });

export const changePasswordBody = z.object({
  currentPassword: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4)
    .optional(),
  newPassword: z.string().max(PASSWORD_MAX_LENGTH * 4),
});

export const magicLinkBody = z.object({ email, returnTo: z.string().max(1000).optional() });
export const magicLinkAnswer = z.object({ accepted: z.literal(true) });
export const consumeBody = z.object({ token: z.string().trim().min(10).max(200) });
export const consumeAnswer = z.object({ next: nextStepSchema, returnTo: z.string() });

export const oidcStartQuery = z.object({ returnTo: z.string().max(1000).optional() });
export const oidcCallbackQuery = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
});

export const revokedAnswer = z.object({ revoked: z.number().int() });
