import { randomBytes, randomUUID, webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

export interface SessionClaims {
  sub: string;
  email: string;
  name: string;
  jti: string;
  /** A hint of the workspace last used; never trusted for authorization. */
  workspaceId?: string;
  iat: number;
  exp: number;
}

/** Issues and verifies the HS256 session JWT. */
export class SessionTokens {
  /** Imported once: handing jose raw bytes makes it import the key again on every request. */
  readonly #key: Promise<webcrypto.CryptoKey>;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.#key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  async issue(
    input: { userId: string; email: string; name: string; workspaceId?: string },
    nowSec: number,
  ): Promise<{ token: string; claims: SessionClaims }> {
    const claims: SessionClaims = {
      sub: input.userId,
      email: input.email,
      name: input.name,
      jti: randomUUID(),
      ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
      iat: nowSec,
      exp: nowSec + this.ttlSeconds,
    };
    const token = await new SignJWT({
      email: claims.email,
      name: claims.name,
      role: 'user',
      ...(claims.workspaceId ? { workspaceId: claims.workspaceId } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setJti(claims.jti)
      .setIssuedAt(claims.iat)
      .setExpirationTime(claims.exp)
      .sign(await this.#key);
    return { token, claims };
  }

  /** The claims of a genuine, unexpired token; undefined for anything else. */
  async verify(token: string, nowSec: number): Promise<SessionClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, await this.#key, {
        algorithms: ['HS256'],
        currentDate: new Date(nowSec * 1000),
      });
      const { sub, jti, iat, exp, email, name, workspaceId } = payload;
      if (!sub || !jti || typeof iat !== 'number' || typeof exp !== 'number') return undefined;
      return {
        sub,
        jti,
        iat,
        exp,
        email: typeof email === 'string' ? email : '',
        name: typeof name === 'string' ? name : '',
        ...(typeof workspaceId === 'string' ? { workspaceId } : {}),
      };
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) return undefined;
      throw error;
    }
  }
}

/**
 * The signing secret: JWT_SECRET when configured; otherwise one generated on first start and
 * kept in DATA_DIR/.jwt-secret (mode 0600), so sessions survive restarts in development.
 */
export function resolveJwtSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, '.jwt-secret');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not created yet.
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    // Another process created it first: use theirs.
    return fs.readFileSync(file, 'utf8').trim();
  }
}
