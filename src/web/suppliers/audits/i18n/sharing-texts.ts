import type { i18n as I18n } from 'i18next';
import en from './sharing.en.json';
import fr from './sharing.fr.json';

// The share-candidates and evidence-limit texts live in their own files; registering them on first
// render (the shell's i18next is initialised after the modules load) works whether or not they are
// also merged into the namespace's fr.json / en.json (deep merge, same texts).
const registered = new WeakSet<I18n>();
export function registerSharingTexts(i18n: I18n): void {
  if (registered.has(i18n)) return;
  i18n.addResourceBundle('fr', 'suppliersAudits', fr, true, true);
  i18n.addResourceBundle('en', 'suppliersAudits', en, true, true);
  registered.add(i18n);
}
