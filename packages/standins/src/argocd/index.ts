export { ArgoCdStandin, createArgoCdRouter, ArgoCdWorld } from './server';
export type { ArgoApplication, ArgoHistoryEntry } from './server';
