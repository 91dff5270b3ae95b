// Interface preferences and notices: language, open dock tab, alerts. Never undoable.
import type { SliceCreator } from './store';

export type Language = 'en' | 'zh';
export type DockTab = 'results' | 'goals' | 'charts' | 'messages' | 'model' | 'theory' | 'problems' | 'experiments';

/** A modal alert (e.g. a refused file) or a transient toast. Text only, never HTML. */
export interface Notice {
  id: number;
  kind: 'alert' | 'toast';
  tone: 'info' | 'success' | 'error';
  title: string;
  lines?: string[];
}

export interface UiSlice {
  language: Language;
  dockTab: DockTab;
  notices: Notice[];
  setLanguage: (language: Language) => void;
  setDockTab: (tab: DockTab) => void;
  notify: (notice: Omit<Notice, 'id'>) => void;
  dismissNotice: (id: number) => void;
}

const LANGUAGE_KEY = 'eventflow.language';
let nextNoticeId = 1;

/** Site storage can be missing or blocked (reading it then throws); the app works without it. */
function readSavedLanguage(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

function saveLanguage(language: Language): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // storage blocked or full: the choice lasts for this page only
  }
}

function initialLanguage(): Language {
  const saved = readSavedLanguage();
  if (saved === 'en' || saved === 'zh') return saved;
  if (typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh')) return 'zh';
  return 'en';
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  language: initialLanguage(),
  dockTab: 'results',
  notices: [],
  setLanguage: (language) => {
    saveLanguage(language);
    if (typeof document !== 'undefined') document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    set({ language });
  },
  setDockTab: (dockTab) => set({ dockTab }),
  notify: (notice) => set({ notices: [...get().notices, { ...notice, id: nextNoticeId++ }] }),
  dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
});
