/** The learner's API paths (docs/api-learning.md); ids are encoded so a crafted URL stays one path segment. */
const seg = encodeURIComponent;

export const learnerApi = {
  me: '/api/learning/me',
  assignment: (id: string) => `/api/learning/me/assignments/${seg(id)}`,
  attempts: (assignmentId: string) => `/api/learning/me/assignments/${seg(assignmentId)}/attempts`,
  attempt: (attemptId: string) => `/api/learning/me/attempts/${seg(attemptId)}`,
  answers: (attemptId: string) => `/api/learning/me/attempts/${seg(attemptId)}/answers`,
  finish: (attemptId: string) => `/api/learning/me/attempts/${seg(attemptId)}/finish`,
  certificate: (assignmentId: string) => `/api/learning/me/assignments/${seg(assignmentId)}/certificate.pdf`,
  reviews: '/api/learning/me/reviews',
  reviewAnswers: '/api/learning/me/reviews/answers',
  alerts: '/api/learning/me/alerts',
  ack: (alertId: string) => `/api/learning/me/alerts/${seg(alertId)}/ack`,
};

export const publicApi = {
  page: (slug: string) => `/api/public/learning/${seg(slug)}`,
  module: (slug: string, moduleId: string) => `/api/public/learning/${seg(slug)}/modules/${seg(moduleId)}`,
  events: (slug: string, moduleId: string) => `/api/public/learning/${seg(slug)}/modules/${seg(moduleId)}/events`,
};

/** TanStack Query keys of the learner's data; invalidating ['learning', 'me'] refreshes them all. */
export const learnerKeys = {
  all: ['learning', 'me'] as const,
  summary: ['learning', 'me', 'summary'] as const,
  player: (assignmentId: string) => ['learning', 'me', 'player', assignmentId] as const,
  reviews: ['learning', 'me', 'reviews'] as const,
  alerts: ['learning', 'me', 'alerts'] as const,
};
