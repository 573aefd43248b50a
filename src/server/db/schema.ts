/**
 * Kysely table types. Each module owns its tables in its own `tables.ts` and the Database
 * interface is their union, so modules can add tables without touching each other's files.
 */

import type { ActionsTables } from '../modules/actions/tables.js';
import type { ExercisesTables } from '../modules/exercises/tables.js';
import type { ImportTables } from '../modules/identity/import/tables.js';
import type { IdentityTables } from '../modules/identity/tables.js';
import type { LearningTables } from '../modules/learning/tables.js';
import type { MaturityTables } from '../modules/maturity/tables.js';
import type { PhishingTables } from '../modules/phishing/tables.js';
import type { SuppliersTables } from '../modules/suppliers/tables.js';
import type { LibraryTables } from '../modules/territory/library-tables.js';
import type { TerritoryTables } from '../modules/territory/tables.js';
import type { AuditTables } from '../platform/audit-log/tables.js';
import type { AuthTables } from '../platform/auth/tables.js';
import type { LiveTables } from '../platform/live/tables.js';
import type { PlatformTables } from '../platform/tables.js';

export interface Database
  extends PlatformTables,
    IdentityTables,
    ImportTables,
    AuthTables,
    AuditTables,
    LearningTables,
    PhishingTables,
    SuppliersTables,
    ActionsTables,
    MaturityTables,
    LibraryTables,
    TerritoryTables,
    LiveTables,
    ExercisesTables {}
