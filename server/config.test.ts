import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";
import { generateVapidKeys } from "./notices/sender/webpush";

/** The ConfigError that loadConfig throws for this environment. */
function configErrorFor(source: Record<string, string>): ConfigError {
  try {
    loadConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(source)}`);
}

describe("loadConfig", () => {
  it("uses the defaults when nothing is set: port 3000, ./data, embedded SQLite, info logs, a 100 KB body limit", () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 3000,
      dataDir: "./data",
      databaseUrl: undefined,
      logLevel: "info",
      bodyLimitBytes: 100 * 1024,
    });
  });

  it("treats empty strings as unset", () => {
    const config = loadConfig({ PORT: "", DATA_DIR: "", DATABASE_URL: "", LOG_LEVEL: "", BODY_LIMIT_KB: "", SERVE_CLIENT: "" });

    expect(config).toEqual(loadConfig({}));
  });

  it("reads the values that are set", () => {
    const config = loadConfig({
      PORT: "8080",
      DATA_DIR: "/var/lib/machikoe",
      DATABASE_URL: "postgres://user:secret@db:5432/machikoe",
      LOG_LEVEL: "warn",
      BODY_LIMIT_KB: "8",
    });

    expect(config).toMatchObject({
      port: 8080,
      dataDir: "/var/lib/machikoe",
      databaseUrl: "postgres://user:secret@db:5432/machikoe",
      logLevel: "warn",
      bodyLimitBytes: 8 * 1024,
    });
  });

  it.each(["abc", "70000"])("refuses PORT=%s, naming the variable and the value", (port) => {
    const error = configErrorFor({ PORT: port });

    expect(error.message).toContain("PORT");
    expect(error.message).toContain(port);
  });

  it("refuses a DATABASE_URL that is not PostgreSQL, naming the variable", () => {
    const error = configErrorFor({ DATABASE_URL: "mysql://x" });

    expect(error.message).toContain("DATABASE_URL");
    expect(error.message).toContain("mysql://x");
  });

  it("takes the map's tile server from MAP_TILE_URL, turns the map off with none, and refuses a URL without {z}/{x}/{y}", () => {
    expect(loadConfig({}).map).toEqual({
      tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
      attribution: "© OpenStreetMap contributors",
    });
    expect(loadConfig({ MAP_TILE_URL: "https://tiles.example.jp/{z}/{x}/{y}.png", MAP_ATTRIBUTION: "© 大阪市" }).map).toEqual({
      tileUrl: "https://tiles.example.jp/{z}/{x}/{y}.png",
      attribution: "© 大阪市",
    });
    expect(loadConfig({ MAP_TILE_URL: "none" }).map).toBeNull();
    expect(configErrorFor({ MAP_TILE_URL: "http://tiles.example.jp/tile.png" }).message).toContain("MAP_TILE_URL");
    expect(loadConfig({ JOIN_REQUEST_RETENTION_DAYS: "30" }).staff.joinRetentionDays).toBe(30);
    expect(loadConfig({}).staff.auditRetentionDays).toBe(400);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: "0" }).staff.auditRetentionDays).toBe(0);
    expect(configErrorFor({ AUDIT_RETENTION_DAYS: "-1" }).message).toContain("AUDIT_RETENTION_DAYS");
  });

  it("refuses an unknown LOG_LEVEL, naming the variable", () => {
    const error = configErrorFor({ LOG_LEVEL: "loud" });

    expect(error.message).toContain("LOG_LEVEL");
    expect(error.message).toContain("loud");
  });

  it("names every bad variable at once", () => {
    const error = configErrorFor({ PORT: "abc", LOG_LEVEL: "loud" });

    expect(error.message).toContain("PORT");
    expect(error.message).toContain("LOG_LEVEL");
  });

  it("serves no client when SERVE_CLIENT=false, and the built client by default", () => {
    expect(loadConfig({ SERVE_CLIENT: "false" }).clientDir).toBeUndefined();
    expect(loadConfig({}).clientDir).toBe("./dist/client");
  });

  it("sends push notices at 09:00 in Japan to the browsers' push services by default, and takes other settings", () => {
    const defaults = loadConfig({}).notices;
    expect(defaults).toMatchObject({ enabled: true, sendTime: "09:00", vapid: null, subject: "mailto:notices@localhost" });
    expect(defaults.pushHosts).toContain("fcm.googleapis.com");
    const keys = generateVapidKeys();
    const set = loadConfig({
      NOTICES: "false",
      NOTICE_SEND_TIME: "07:30",
      PUSH_HOSTS: "fcm.googleapis.com,*.push.apple.com",
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      PUBLIC_URL: "https://machikoe.example.jp/app",
    }).notices;
    expect(set).toEqual({
      enabled: false,
      sendTime: "07:30",
      pushHosts: ["fcm.googleapis.com", "*.push.apple.com"],
      vapid: keys,
      subject: "https://machikoe.example.jp",
    });
  });

  it("refuses a send time that is not HH:MM, one VAPID key without the other, and a subject that is not mailto: or https:", () => {
    expect(configErrorFor({ NOTICE_SEND_TIME: "9時" }).message).toContain("NOTICE_SEND_TIME");
    expect(configErrorFor({ VAPID_PUBLIC_KEY: generateVapidKeys().publicKey }).message).toContain("VAPID_PRIVATE_KEY");
    expect(configErrorFor({ VAPID_SUBJECT: "http://example.jp" }).message).toContain("VAPID_SUBJECT");
    expect(configErrorFor({ PUSH_HOSTS: "https://fcm.googleapis.com/" }).message).toContain("PUSH_HOSTS");
  });

  it("reads TRUST_PROXY as a hop count (true is one hop, false none) or a list of proxy addresses and CIDR ranges", () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 192.0.2.1,::1" }).trustProxy).toEqual(["10.0.0.0/8", "192.0.2.1", "::1"]);
  });

  it("stops the start on a bad TRUST_PROXY, naming it", () => {
    for (const bad of ["yes", "11", "10.0.0.0/33", "10.0.0.1,proxy.local", "1.2.3"]) {
      expect(configErrorFor({ TRUST_PROXY: bad }).message).toContain("TRUST_PROXY=");
    }
  });

  it("reads the join requests' rate limit and inbox cap", () => {
    expect(loadConfig({}).staff).toMatchObject({ joinRateLimitPerMinute: 5, joinInboxMax: 500 });
    expect(loadConfig({ JOIN_RATE_LIMIT_PER_MIN: "0", JOIN_INBOX_MAX: "50" }).staff).toMatchObject({
      joinRateLimitPerMinute: 0,
      joinInboxMax: 50,
    });
    expect(configErrorFor({ JOIN_INBOX_MAX: "-1" }).message).toContain("JOIN_INBOX_MAX=");
  });

  it("caps a poll's answers per address at 3 a day by default, takes another cap or 0 (none), and refuses a negative one", () => {
    expect(loadConfig({}).surveys.pollAnswersPerAddress).toBe(3);
    expect(loadConfig({ POLL_ANSWERS_PER_ADDRESS: "0" }).surveys.pollAnswersPerAddress).toBe(0);
    expect(loadConfig({ POLL_ANSWERS_PER_ADDRESS: "10" }).surveys.pollAnswersPerAddress).toBe(10);
    expect(configErrorFor({ POLL_ANSWERS_PER_ADDRESS: "-1" }).message).toContain("POLL_ANSWERS_PER_ADDRESS=");
  });
});
