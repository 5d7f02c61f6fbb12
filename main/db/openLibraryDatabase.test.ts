import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibraryDatabase, schemaVersionOf } from './openLibraryDatabase';
import { latestSchemaVersion } from './migrations';
import { migrate } from './migrate';
import type { Migration } from './Migration';
import { tempDir } from '../../tests/helpers/tempDir';

describe('openLibraryDatabase', () => {
  it('creates a library at the latest schema with WAL, synchronous=FULL and foreign keys', () => {
    const file = path.join(tempDir(), 'library.sqlite');
    const db = openLibraryDatabase(file);
    expect(schemaVersionOf(db)).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopens an existing library without migrating again', () => {
    const file = path.join(tempDir(), 'library.sqlite');
    const first = openLibraryDatabase(file);
    const id = first.prepare("SELECT value FROM library_meta WHERE key = 'library_id'").pluck().get();
    first.close();
    const second = openLibraryDatabase(file);
    expect(second.prepare("SELECT value FROM library_meta WHERE key = 'library_id'").pluck().get()).toBe(id);
    second.close();
  });

  it('refuses a database from a newer Stemroom and leaves the file byte-for-byte untouched', () => {
    const file = path.join(tempDir(), 'library.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${latestSchemaVersion + 5}`);
    future.close();
    const before = fs.readFileSync(file);
    expect(() => openLibraryDatabase(file)).toThrow(/newer Stemroom \(schema \d+; this version knows up to \d+\).*left untouched/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['library.sqlite']);
  });

  it('refuses a file that is not an SQLite database with a clear message', () => {
    const file = path.join(tempDir(), 'library.sqlite');
    fs.writeFileSync(file, 'this is not a database, it is a shopping list\n'.repeat(100));
    const before = fs.readFileSync(file);
    expect(() => openLibraryDatabase(file)).toThrow(/not a Stemroom library/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('migrate', () => {
  it('runs in one transaction: a failing step rolls back every step and user_version', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE b (x); SELECT no_such_function()') },
    ];
    expect(() => migrate(db, 2, steps)).toThrow(/no such function/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
  });

  it('refuses a list whose versions are out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, 1, [{ version: 2, name: 'skipped', up: () => undefined }])).toThrow(/expected 1/);
  });
});
