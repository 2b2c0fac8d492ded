import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { api, lastServerContact } from '../api/client.ts';
import { useSignOut } from './session.tsx';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 15_000;
/** While someone is working (typing a long form), tell the server at most this often. */
const KEEP_ALIVE_MAX_MS = 4 * 60_000;

/**
 * Automatic logoff (HIPAA §164.312(a)(2)(iii)): after `idleMinutes` without a key press or
 * touch, sign out and clear the screen, rather than leave records open at an unattended
 * front desk. Activity without requests keeps the server session alive.
 */
export function IdleSignOut({ idleMinutes }: { idleMinutes: number }) {
  const signOut = useSignOut();
  const location = useLocation();
  const locationRef = useRef(location);
  locationRef.current = location;

  useEffect(() => {
    const keepAliveAfter = Math.min(KEEP_ALIVE_MAX_MS, (idleMinutes * 60_000) / 2);
    let lastActivity = Date.now();
    const mark = () => {
      lastActivity = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, mark, { passive: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastActivity >= idleMinutes * 60_000) {
        window.clearInterval(timer);
        void signOut('ended', locationRef.current);
      } else if (now - lastActivity < CHECK_EVERY_MS * 2 && now - lastServerContact() >= keepAliveAfter) {
        api.get('/api/me').catch(() => undefined);
      }
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, mark);
    };
  }, [idleMinutes, signOut]);

  return null;
}
