import type { Owner } from '../types.js';

/** API paths and shapes of the pages after the exercise, incidents and the crisis kit (docs/api-exercises.md). */
const seg = encodeURIComponent;
const one = (o: Owner, id: string) =>
  `${o.kind === 'org' ? `/api/orgs/${seg(o.id)}` : `/api/territories/${seg(o.id)}`}/exercises/${seg(id)}`;

export const afterApi = {
  after: (o: Owner, id: string) => `${one(o, id)}/after`,
  debrief: (o: Owner, id: string, cellId: string) => `${one(o, id)}/after/debriefs/${seg(cellId)}`,
  lessons: (o: Owner, id: string) => `${one(o, id)}/after/lessons`,
  close: (o: Owner, id: string) => `${one(o, id)}/after/close`,
  report: (o: Owner, id: string) => `${one(o, id)}/report.pdf`,
  myDebrief: (id: string, cellId: string) => `/api/me/exercises/${seg(id)}/cells/${seg(cellId)}/debrief`,
  myLessons: (id: string) => `/api/me/exercises/${seg(id)}/lessons`,
  incidents: (orgId: string) => `/api/orgs/${seg(orgId)}/incidents`,
  declaration: (orgId: string, id: string) => `/api/orgs/${seg(orgId)}/incidents/${seg(id)}/declaration`,
  declarationPdf: (orgId: string, id: string) => `/api/orgs/${seg(orgId)}/incidents/${seg(id)}/declaration.pdf`,
  kit: (orgId: string) => `/api/orgs/${seg(orgId)}/crisis-kit`,
  kitPdf: (orgId: string) => `/api/orgs/${seg(orgId)}/crisis-kit/pdf`,
};

export const milestoneKinds = ['detection', 'alert_lead', 'alert_ars', 'alert_cert_sante', 'declaration'] as const;
export const declarationSteps = ['early_warning', 'notification', 'final_report'] as const;
type Bilingual = { fr: string; en: string };

export interface AfterView {
  exerciseId: string;
  title: string;
  status: string;
  cells: Array<{ id: string; name: string; organizationId: string }>;
  debriefs: Array<{ cellId: string; cellName: string; wentWell: string; toImprove: string; surprises: string; updatedAt: string }>;
  lessons: Array<{
    id: string;
    lesson: string;
    anonymous: boolean;
    authorName: string | null;
    source: string;
    priority: string;
    actionId: string | null;
  }>;
  evaluations: Array<{
    objectiveId: string;
    text: Bilingual;
    observersRating: number | null;
    animatorsRating: number | null;
    notes: number;
  }>;
  times: Array<{ cellId: string; cellName: string; kind: (typeof milestoneKinds)[number]; at: string | null; minutes: number | null }>;
}

export interface Declaration {
  exerciseId: string;
  title: string;
  status: string;
  detectedAt: string;
  checklist: Array<{ key: string; step: (typeof declarationSteps)[number]; label: Bilingual; hint: Bilingual; value: string }>;
  clocks: Array<{
    step: (typeof declarationSteps)[number];
    dueAt: string;
    state: 'sent' | 'due' | 'overdue';
    dueInMinutes: number | null;
    sentAt: string | null;
  }>;
  cellId?: string;
}

export interface CrisisKit {
  organizationName: string;
  roster: Array<{ name: string; function: string; phone: string }>;
  rosterFromDirectory: boolean;
  contacts: { lead: string; ars: string; certSante: string };
  providers: Array<{
    name: string;
    services: string;
    contacts: Array<{ name: string; role: string; email: string; phone: string | null }>;
  }>;
  sheets: Array<{ id: string; title: Bilingual }>;
  kitGeneratedAt: string | null;
  stale: boolean;
}

/** A PDF made by a POST (printing the kit dates it): fetched, then saved under `filename`. */
export async function downloadPost(path: string, filename: string): Promise<void> {
  const csrf = document.cookie.match(/(?:^|;\s*)rempart_csrf=([^;]+)/)?.[1] ?? '';
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': decodeURIComponent(csrf), 'accept-language': document.documentElement.lang || 'fr' },
  });
  if (!res.ok) throw new Error(res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** "in 3 h 20 min" / "2 h late": the clock as people read it. */
export function splitMinutes(minutes: number): { days: number; hours: number; mins: number } {
  const m = Math.abs(minutes);
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), mins: m % 60 };
}
