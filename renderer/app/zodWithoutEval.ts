/**
 * Imported first by main.tsx (before any schema is built): zod would probe
 * `new Function` to compile validators, which the page's CSP refuses (no
 * 'unsafe-eval'), leaving a CSP violation report on every page load. Telling
 * zod up front that eval is unavailable keeps the console and the CSP
 * violation log clean; validation is the same.
 */
import { z } from 'zod';

z.config({ jitless: true });
