'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { createArticleWithContentAction, saveDraftAction } from '@/app/(admin)/admin/bai-viet/actions';
import type { ActionResult } from '@/lib/actions/result';
import type { ConflictInfo, SavedState, SavePayload } from './types';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** A published article's autosave: stored, not live. */
  | { kind: 'autosaved'; at: Date }
  | { kind: 'retrying'; message: string; retryAt: number }
  | { kind: 'blocked'; message: string }
  | { kind: 'conflict'; info: ConflictInfo };

type Options = {
  /** 0 for "Viết bài mới": the first save makes the article (then `onCreated` gets its id). */
  articleId: number;
  initialVersion: number;
  getPayload: () => SavePayload;
  /** True while an IME composition (Telex/VNI) is in progress: autosave waits for it to end. */
  isComposing: () => boolean;
  onSaved: (state: SavedState) => void;
  onCreated?: (articleId: number) => void;
  enabled: boolean;
};

/** Idle time before an autosave. */
export const AUTOSAVE_IDLE_MS = 3000;
const KEEPALIVE_LIMIT = 60_000;

export const backupKey = (articleId: number) => `toa-soan:bai-viet:${articleId}`;
export type LocalBackup = { baseVersion: number; at: number; payload: SavePayload };

export function readBackup(articleId: number): LocalBackup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(articleId));
    return raw ? (JSON.parse(raw) as LocalBackup) : null;
  } catch {
    return null;
  }
}

/**
 * Saving without ever touching what the user is typing: the saver reads the
 * editor's state and never writes it back. Changes are kept in localStorage
 * until the server confirms them; failures retry with backoff; a stale
 * version stops everything and reports the conflict.
 */
export function useArticleSaver({ articleId: initialArticleId, initialVersion, getPayload, isComposing, onSaved, onCreated, enabled }: Options) {
  // 0 until a new article's first save has made its row.
  const idRef = useRef(initialArticleId);
  const [status, setStatusState] = useState<SaveStatus>({ kind: 'idle' });
  const statusRef = useRef<SaveStatus>(status);
  const version = useRef(initialVersion);
  const changeSeq = useRef(0);
  const savedSeq = useRef(0);
  const inFlight = useRef<Promise<SavedState | null> | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const backupTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempts = useRef(0);
  const opts = useRef({ getPayload, isComposing, onSaved, onCreated, enabled });
  useEffect(() => {
    opts.current = { getPayload, isComposing, onSaved, onCreated, enabled };
  });

  const setStatus = useCallback((next: SaveStatus) => {
    statusRef.current = next;
    setStatusState(next);
  }, []);

  const writeBackup = useCallback(() => {
    if (changeSeq.current === savedSeq.current) return;
    try {
      const backup: LocalBackup = { baseVersion: version.current, at: Date.now(), payload: opts.current.getPayload() };
      window.localStorage.setItem(backupKey(idRef.current), JSON.stringify(backup));
    } catch {
      // Storage full or disabled: the server save is still attempted.
    }
  }, []);

  const clearTimers = () => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = null;
  };

  const save = useCallback(
    async (manual: boolean): Promise<SavedState | null> => {
      if (inFlight.current) await inFlight.current.catch(() => null);
      if (statusRef.current.kind === 'conflict') return null;
      if (!manual && changeSeq.current === savedSeq.current) return null;
      if (!manual && opts.current.isComposing()) {
        schedule(800);
        return null;
      }
      clearTimers();
      const seq = changeSeq.current;
      const body = { ...opts.current.getPayload(), articleId: idRef.current, version: version.current, ...(manual ? {} : { autosave: true }) };
      setStatus({ kind: 'saving' });
      const run = (async (): Promise<SavedState | null> => {
        let outcome: ActionResult<SavedState>;
        let transient = false;
        try {
          if (idRef.current === 0) {
            // "Viết bài mới": this first real save makes the row, manual or not.
            const { articleId: _none, version: _zero, ...fields } = body;
            void _none;
            void _zero;
            outcome = await createArticleWithContentAction(fields);
          } else if (manual) {
            outcome = await saveDraftAction(body);
          } else {
            const res = await fetch(`/api/admin/bai-viet/${idRef.current}`, {
              method: 'PUT',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            });
            // The endpoint answers exactly what the action does; a proxy's HTML error page does not parse.
            outcome = ((await res.json().catch(() => null)) as ActionResult<SavedState> | null) ?? { ok: false, code: 'bad_request', message: 'Lỗi máy chủ.' };
            transient = res.status >= 500 || res.status === 429;
          }
        } catch {
          outcome = { ok: false, code: 'bad_request', message: 'Mất kết nối tới máy chủ.' };
          transient = true;
        }
        if (outcome.ok) {
          attempts.current = 0;
          if (idRef.current === 0) {
            try {
              window.localStorage.removeItem(backupKey(0));
            } catch {}
            idRef.current = outcome.data.id;
            opts.current.onCreated?.(outcome.data.id);
          }
          version.current = outcome.data.version;
          savedSeq.current = seq;
          if (outcome.data.liveUnchanged) {
            // Kept on the server as a revision only: the local copy stays until "Cập nhật".
            savedSeq.current = -1;
            setStatus({ kind: 'autosaved', at: new Date() });
          } else if (changeSeq.current === seq) {
            try {
              window.localStorage.removeItem(backupKey(idRef.current));
            } catch {}
            setStatus({ kind: 'saved', at: new Date() });
          } else {
            setStatus({ kind: 'dirty' });
            schedule(AUTOSAVE_IDLE_MS);
          }
          opts.current.onSaved(outcome.data);
          return outcome.data;
        }
        writeBackup();
        // The database restarting (a 503, or the action's service_unavailable): try again, the local copy stays.
        if (outcome.code === 'service_unavailable') transient = true;
        if (outcome.code === 'conflict') {
          setStatus({ kind: 'conflict', info: outcome.details as ConflictInfo });
        } else if (transient) {
          attempts.current += 1;
          const delay = Math.min(60_000, 1000 * 2 ** attempts.current);
          setStatus({ kind: 'retrying', message: outcome.message, retryAt: Date.now() + delay });
          schedule(delay);
        } else {
          setStatus({ kind: 'blocked', message: outcome.message });
        }
        return null;
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        if (inFlight.current === run) inFlight.current = null;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setStatus, writeBackup],
  );

  function schedule(ms: number) {
    clearTimers();
    idleTimer.current = setTimeout(() => void save(false), ms);
  }

  /** Called on every change: cheap (no state writes while already dirty). */
  const markDirty = useCallback(() => {
    if (!opts.current.enabled) return;
    changeSeq.current += 1;
    const kind = statusRef.current.kind;
    if (kind === 'conflict' || kind === 'blocked') return;
    if (kind !== 'dirty' && kind !== 'retrying' && kind !== 'saving') setStatus({ kind: 'dirty' });
    if (backupTimer.current) clearTimeout(backupTimer.current);
    backupTimer.current = setTimeout(writeBackup, 1000);
    if (kind !== 'retrying') schedule(AUTOSAVE_IDLE_MS);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [setStatus, writeBackup]);

  // Leaving the page: keep a local copy no matter what, and try a last save.
  useEffect(() => {
    const onHide = () => {
      if (changeSeq.current === savedSeq.current || statusRef.current.kind === 'conflict') return;
      writeBackup();
      // A new article not yet made on the server stays in the browser's copy (offered back on the next "Viết bài mới").
      if (idRef.current === 0) return;
      const body = JSON.stringify({ ...opts.current.getPayload(), articleId: idRef.current, version: version.current, autosave: true });
      if (body.length < KEEPALIVE_LIMIT) {
        void fetch(`/api/admin/bai-viet/${idRef.current}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body, keepalive: true }).catch(() => {});
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        writeBackup();
        void save(false);
      }
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [save, writeBackup]);

  useEffect(
    () => () => {
      if (idleTimer.current) clearTimeout(idleTimer.current);
      if (backupTimer.current) clearTimeout(backupTimer.current);
    },
    [],
  );

  const saveNow = useCallback(() => save(true), [save]);

  return {
    status,
    isDirty: () => changeSeq.current !== savedSeq.current,
    getVersion: () => version.current,
    getArticleId: () => idRef.current,
    setVersion: (v: number) => {
      version.current = v;
    },
    markDirty,
    saveNow,
    /** Saves if anything changed (before a transition); false when the save failed. */
    flush: async () => (changeSeq.current === savedSeq.current && !inFlight.current ? true : (await save(true)) !== null),
    /** After seeing the conflict, the user chose to save their text over the server's. */
    overwriteAfterConflict: (serverVersion: number) => {
      version.current = serverVersion;
      setStatus({ kind: 'dirty' });
      return save(true);
    },
    dismissBlocked: () => setStatus({ kind: changeSeq.current === savedSeq.current ? 'idle' : 'dirty' }),
  };
}
