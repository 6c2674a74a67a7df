/**
 * Configuration, parsed once at start from the environment. Nothing else in the server reads
 * process.env: a bad value stops the start with a message that names the variable.
 */
import { z } from "zod";
import { defaultPushHosts } from "./notices/endpoint";
import { parseTrustProxy } from "./platform/http/client-address";
import type { TrustProxy } from "./platform/http/env";

const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);
const env = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema);

const ConfigSchema = z
  .object({
    PORT: env(z.coerce.number().int().min(0).max(65535).default(3000)),
    HOST: env(z.string().default("0.0.0.0")),
    DATA_DIR: env(z.string().default("./data")),
    DATABASE_URL: env(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// URL; leave it unset for the embedded SQLite database")
        .optional(),
    ),
    PUBLIC_URL: env(z.url({ protocol: /^https?$/ }).optional()),
    LOG_LEVEL: env(z.enum(["debug", "info", "warn", "error", "silent"]).default("info")),
    BODY_LIMIT_KB: env(z.coerce.number().int().min(1).max(10_240).default(100)),
    DEMO_DATA: env(z.enum(["true", "false"]).default("true")),
    SHUTDOWN_TIMEOUT_MS: env(z.coerce.number().int().min(0).max(120_000).default(10_000)),
    CLIENT_DIR: env(z.string().default("./dist/client")),
    SERVE_CLIENT: env(z.enum(["true", "false"]).default("true")),
    RESPONSE_RATE_LIMIT_PER_MIN: env(z.coerce.number().int().min(0).max(1_000_000).default(30)),
    CODE_CHECK_RATE_LIMIT_PER_MIN: env(z.coerce.number().int().min(0).max(1_000_000).default(10)),
    POLL_ONE_PER_DEVICE: env(z.enum(["true", "false"]).default("true")),
    POLL_ANSWERS_PER_ADDRESS: env(z.coerce.number().int().min(0).max(1_000_000).default(3)),
    RESULTS_MIN_CELL: env(z.coerce.number().int().min(1).max(1000).default(10)),
    RESULTS_REFRESH_HOURS: env(z.coerce.number().min(0).max(744).default(24)),
    LETTER_BATCH_MIN: env(z.coerce.number().int().min(1).max(5000).default(100)),
    TRUST_PROXY: env(
      z
        .string()
        .default("false")
        .transform((value, ctx) => {
          const trust = parseTrustProxy(value);
          if (typeof trust === "object" && "error" in trust) {
            ctx.addIssue({ code: "custom", message: trust.error });
            return z.NEVER;
          }
          return trust;
        }),
    ),
    STAFF_SESSION_IDLE_MIN: env(
      z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(30),
    ),
    STAFF_SESSION_MAX_HOURS: env(
      z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .default(12),
    ),
    STAFF_LOCKOUT_AFTER: env(z.coerce.number().int().min(1).max(100).default(5)),
    STAFF_LOCKOUT_MIN: env(
      z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(15),
    ),
    LOGIN_RATE_LIMIT_PER_MIN: env(z.coerce.number().int().min(0).max(10_000).default(20)),
    MAP_TILE_URL: env(
      z
        .string()
        .refine((v) => v === "none" || /^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(v), "an https URL with {z}, {x} and {y}, or none")
        .default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    ),
    MAP_ATTRIBUTION: env(z.string().default("© OpenStreetMap contributors")),
    JOIN_RATE_LIMIT_PER_MIN: env(z.coerce.number().int().min(0).max(10_000).default(5)),
    JOIN_INBOX_MAX: env(z.coerce.number().int().min(0).max(1_000_000).default(500)),
    JOIN_REQUEST_RETENTION_DAYS: env(z.coerce.number().int().min(1).max(3650).default(90)),
    AUDIT_RETENTION_DAYS: env(z.coerce.number().int().min(0).max(36_500).default(400)),
    NOTICES: env(z.enum(["true", "false"]).default("true")),
    NOTICE_SEND_TIME: env(
      z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day in Japan, HH:MM")
        .default("09:00"),
    ),
    PUSH_HOSTS: env(
      z
        .string()
        .regex(/^(\*\.)?[a-z0-9.-]+(,(\*\.)?[a-z0-9.-]+)*$/i, "host names separated by commas, such as fcm.googleapis.com,*.push.apple.com")
        .optional(),
    ),
    VAPID_PUBLIC_KEY: env(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{87}$/, "the uncompressed P-256 public key, base64url (87 characters)")
        .optional(),
    ),
    VAPID_PRIVATE_KEY: env(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{43}$/, "the P-256 private key, base64url (43 characters)")
        .optional(),
    ),
    VAPID_SUBJECT: env(
      z
        .string()
        .regex(/^(mailto:.+@.+|https:\/\/.+)$/, "a mailto: address or an https: URL")
        .optional(),
    ),
  })
  .refine((v) => (v.VAPID_PUBLIC_KEY === undefined) === (v.VAPID_PRIVATE_KEY === undefined), {
    message: "set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (the server then makes a pair and keeps it)",
    path: ["VAPID_PRIVATE_KEY"],
  });

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  bodyLimitBytes: number;
  demoData: boolean;
  shutdownTimeoutMs: number;
  /** The built client to serve, or undefined for an API-only server (`npm run dev` serves the client with Vite). */
  clientDir: string | undefined;
  surveys: SurveyRules;
  staff: StaffRules;
  /** The proxies in front: a hop count (true = 1) or their addresses/CIDR ranges; the client address is read from the right of X-Forwarded-For. */
  trustProxy: TrustProxy;
  /** The 通いの場 map's tiles ({z}/{x}/{y}), or null for no map (the list alone). */
  map: MapTiles | null;
  notices: NoticeRules;
}

export interface NoticeRules {
  /** Whether this instance runs the sender (any number may; one sends at a time). */
  enabled: boolean;
  /** The daily timeline run, "HH:MM" in Japan. */
  sendTime: string;
  /** Push services pushes may go to. */
  pushHosts: string[];
  /** A configured VAPID pair, or null: made at first start and kept in the database. */
  vapid: { publicKey: string; privateKey: string } | null;
  /** The VAPID contact (RFC 8292 "sub"). */
  subject: string;
}

export interface MapTiles {
  tileUrl: string;
  attribution: string;
}

export interface StaffRules {
  /** A session unused this long ends. */
  sessionIdleMinutes: number;
  /** A session ends this long after login, used or not. */
  sessionMaxHours: number;
  /** Failed logins in a row that lock an account, and for how long. */
  lockoutAfter: number;
  lockoutMinutes: number;
  /** Login attempts one network address may make a minute; 0 turns the limit off. */
  loginRateLimitPerMinute: number;
  /** 町会 join requests' personal fields are cleared this many days after they arrive. */
  joinRetentionDays: number;
  /** Audit log entries are deleted this many days after they were written; 0 keeps them for ever. */
  auditRetentionDays: number;
  /** Join requests one network address may send a minute; 0 turns the limit off. */
  joinRateLimitPerMinute: number;
  /** Requests a ward's inbox holds waiting (state "new") before it refuses more; 0: no cap. */
  joinInboxMax: number;
}

export interface SurveyRules {
  /** Responses one network address may send a minute; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Invitation-code checks (before answering) one network address may make a minute; 0 turns the limit off. */
  codeCheckPerMinute: number;
  /** Whether a poll takes one response per device. */
  pollOnePerDevice: boolean;
  /** Online answers one network address may give one poll a day (in this instance's memory); 0 turns the cap off. */
  pollAnswersPerAddress: number;
  /** Counts under this are hidden in every result (shown as "<K"). */
  minCell: number;
  /** Hours between results snapshots while a survey is open (surveys/snapshots.ts); a close makes one sooner. */
  refreshHours: number;
  /** The fewest letters a batch may have: a batch of one would tell which addressee answered. */
  letterBatchMin: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      return `  ${variable}=${JSON.stringify(source[variable] ?? "")}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const v = parsed.data;
  return {
    port: v.PORT,
    host: v.HOST,
    dataDir: v.DATA_DIR,
    databaseUrl: v.DATABASE_URL,
    publicUrl: v.PUBLIC_URL,
    logLevel: v.LOG_LEVEL,
    bodyLimitBytes: v.BODY_LIMIT_KB * 1024,
    demoData: v.DEMO_DATA === "true",
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    clientDir: v.SERVE_CLIENT === "true" ? v.CLIENT_DIR : undefined,
    surveys: {
      rateLimitPerMinute: v.RESPONSE_RATE_LIMIT_PER_MIN,
      codeCheckPerMinute: v.CODE_CHECK_RATE_LIMIT_PER_MIN,
      pollOnePerDevice: v.POLL_ONE_PER_DEVICE === "true",
      pollAnswersPerAddress: v.POLL_ANSWERS_PER_ADDRESS,
      minCell: v.RESULTS_MIN_CELL,
      refreshHours: v.RESULTS_REFRESH_HOURS,
      letterBatchMin: v.LETTER_BATCH_MIN,
    },
    staff: {
      sessionIdleMinutes: v.STAFF_SESSION_IDLE_MIN,
      sessionMaxHours: v.STAFF_SESSION_MAX_HOURS,
      lockoutAfter: v.STAFF_LOCKOUT_AFTER,
      lockoutMinutes: v.STAFF_LOCKOUT_MIN,
      loginRateLimitPerMinute: v.LOGIN_RATE_LIMIT_PER_MIN,
      joinRetentionDays: v.JOIN_REQUEST_RETENTION_DAYS,
      auditRetentionDays: v.AUDIT_RETENTION_DAYS,
      joinRateLimitPerMinute: v.JOIN_RATE_LIMIT_PER_MIN,
      joinInboxMax: v.JOIN_INBOX_MAX,
    },
    trustProxy: v.TRUST_PROXY,
    map: v.MAP_TILE_URL !== "none" ? { tileUrl: v.MAP_TILE_URL, attribution: v.MAP_ATTRIBUTION } : null,
    notices: {
      enabled: v.NOTICES === "true",
      sendTime: v.NOTICE_SEND_TIME,
      pushHosts: v.PUSH_HOSTS ? v.PUSH_HOSTS.split(",") : [...defaultPushHosts],
      vapid: v.VAPID_PUBLIC_KEY && v.VAPID_PRIVATE_KEY ? { publicKey: v.VAPID_PUBLIC_KEY, privateKey: v.VAPID_PRIVATE_KEY } : null,
      subject: v.VAPID_SUBJECT ?? (v.PUBLIC_URL?.startsWith("https://") ? new URL(v.PUBLIC_URL).origin : "mailto:notices@localhost"),
    },
  };
}
